using System.Text;

namespace Alliances.Experiments;

/// <summary>
/// Whole-file writes that never leave a half-written file: the text goes to a temporary file in the same folder,
/// which is then renamed over the target (a rename within one file system is atomic).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, creating the folder; optional Unix mode (e.g. executable).</summary>
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, m);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
