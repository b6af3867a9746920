namespace Alliances.Reporting;

/// <summary>
/// Writes a results folder all-or-nothing. Files are written into a hidden temporary sibling of the target folder
/// (same volume); <see cref="Commit"/> creates the target folder and moves each file into place with an atomic rename
/// that replaces any previous file of that name (the file named last, usually the manifest, moves last). Disposing without
/// committing deletes the temporary folder, so a failed run leaves neither the target folder nor half-written files.
/// </summary>
public sealed class RunOutputDirectory : IDisposable
{
    private bool _committed;

    /// <param name="finalPath">The results folder to produce. Its parent is created if needed.</param>
    public RunOutputDirectory(string finalPath)
    {
        FinalPath = Path.GetFullPath(finalPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(FinalPath) ?? throw new ArgumentException("the output folder cannot be a file-system root", nameof(finalPath));
        Directory.CreateDirectory(parent);
        TempPath = Path.Combine(parent, $".{Path.GetFileName(FinalPath)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(TempPath);
    }

    public string FinalPath { get; }
    public string TempPath { get; }

    /// <summary>Where to write <paramref name="fileName"/> before the commit.</summary>
    public string PathFor(string fileName) => Path.Combine(TempPath, fileName);

    public FileStream Create(string fileName) => new(PathFor(fileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    /// <summary>Moves the files into the target folder, in the order given (files not listed move first, by name).</summary>
    public IReadOnlyList<string> Commit(params string[] order)
    {
        if (_committed) throw new InvalidOperationException("already committed");
        var names = Directory.GetFiles(TempPath).Select(Path.GetFileName).OfType<string>()
            .OrderBy(n => Array.IndexOf(order, n)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(FinalPath);
        foreach (var name in names)
            File.Move(PathFor(name), Path.Combine(FinalPath, name), overwrite: true);
        _committed = true;
        TryDelete();
        return names;
    }

    public void Dispose()
    {
        if (!_committed) TryDelete();
    }

    private void TryDelete()
    {
        try { if (Directory.Exists(TempPath)) Directory.Delete(TempPath, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
