using Alliances.Cli.Infrastructure;

namespace Alliances.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// `run` on a bad scenario file: exit 2, stderr names the file and line, the JSON path and the message, nothing on
    /// stdout and no output folder created.
    /// </summary>
    public static async Task AssertRunRejects(TempDir tmp, string name, string json, int line, string path, string message)
    {
        var file = tmp.Write($"{name}.json", json);
        var outDir = tmp["out"];
        var r = await RunAsync("run", file, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:{line}:", r.Stderr);
        Assert.Contains($": {path}: ", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.False(Directory.Exists(outDir));
    }
}

internal static class RepoPaths
{
    /// <summary>The repository root: the first ancestor of the test binaries holding Simulation.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string DefaultScenario => Path.Combine(Root, "scenarios", "default.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Simulation.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alliances-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
