using System.Diagnostics;
using Alliances.Experiments.Comparison;
using Alliances.Reporting.Csv;

namespace Alliances.Cli.Tests;

/// <summary>
/// The built CLI run as a real child process (<c>dotnet alliances.dll compare ...</c>), killed mid-run, then resumed:
/// the final files must equal those of an uninterrupted run.
/// </summary>
public sealed class CompareResumeTests : IDisposable
{
    // Slow enough to be caught mid-run (36 months, 60 replications on one thread: a few seconds), small enough to stay quick.
    private const string Scenario = """
        {
          "name": "cli-kill",
          "seed": 3,
          "replications": 60,
          "edition": { "months": 36 },
          "region": { "generator": { "territories": 5 } }
        }
        """;

    private readonly string _dir = CompareCli.NewDir();

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string CliDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "alliances.dll");
        Assert.True(File.Exists(dll), $"alliances.dll not found next to the tests ({AppContext.BaseDirectory})");
        return dll;
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(CliDll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Valid records in the journal, 0 while it does not exist yet.</summary>
    private static long Records(string journal)
    {
        if (!File.Exists(journal)) return 0;
        try { return Journal.Scan(journal).Records; }
        catch (Exception e) when (e is IOException or InvalidDataException) { return 0; }
    }

    [Fact]
    public async Task Killed_child_process_resumes_to_identical_files()
    {
        string scenario = Path.Combine(_dir, "kill.json");
        File.WriteAllText(scenario, Scenario);
        string cut = Path.Combine(_dir, "cut"), whole = Path.Combine(_dir, "whole");
        string journal = Path.Combine(cut, ComparisonFiles.Journal);

        using (var child = Start("compare", scenario, "--threads", "1", "--quiet", "--out", cut))
        {
            var deadline = Stopwatch.StartNew();
            while (Records(journal) < 4 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
            Assert.False(child.HasExited, "the child finished before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        long saved = Records(journal);
        Assert.InRange(saved, 4, 59);
        Assert.False(File.Exists(Path.Combine(cut, ComparisonFiles.Manifest)));

        using (var resumed = Start("compare", scenario, "--threads", "2", "--quiet", "--resume", "--out", cut))
        {
            Assert.True(resumed.WaitForExit(120_000), "the resumed run did not finish");
            Assert.Equal(0, resumed.ExitCode);
        }
        var (code, _, err) = await CompareCli.Run("compare", scenario, "--threads", "2", "--quiet", "--out", whole);
        Assert.True(code == 0, err);
        CompareCli.AssertSameCsvs(whole, cut);
    }

    [Fact]
    public async Task Sigint_stops_cleanly_with_the_resume_command()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        string scenario = Path.Combine(_dir, "int.json");
        File.WriteAllText(scenario, Scenario);
        string cut = Path.Combine(_dir, "int");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { CliDll(), "compare", scenario, "--threads", "1", "--quiet", "--out", cut }) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        var stderr = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        string journal = Path.Combine(cut, ComparisonFiles.Journal);
        var deadline = Stopwatch.StartNew();
        while (Records(journal) < 2 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
        Assert.False(child.HasExited, "the child finished before it could be interrupted");
        using (var kill = Process.Start("kill", ["-s", "INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(child.WaitForExit(30_000));
        Assert.Equal(130, child.ExitCode);
        string text = await stderr;
        Assert.Contains("interrupted", text);
        Assert.Contains("--resume", text);
        long saved = Records(journal);
        Assert.InRange(saved, 2, 59);
    }
}
