using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Reporting.Slurm;

namespace Alliances.Cli.Tests;

/// <summary>
/// `alliances slurm` without a cluster: validation, the generated files, the scenario copy, and the generated scripts run
/// with bash as Slurm would run them (SLURM_ARRAY_TASK_ID set), including the failed-shard path of merge.sh.
/// The real cluster flow is in <see cref="SlurmClusterTests"/>.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SlurmScriptTests : IDisposable
{
    private readonly string _dir = CompareCli.NewDir();

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Job(string name) => Path.Combine(_dir, name);

    private static async Task<(int Code, string Out, string Err)> Slurm(string scenario, string exe, string outDir, params string[] extra) =>
        await CompareCli.Run(["slurm", scenario, "--command", "compare", "--replications", "8", "--seed", "11",
            "--out", outDir, "--executable", exe, .. extra, .. extra.Contains("--shards") ? Array.Empty<string>() : ["--shards", "4"]]);

    [Fact]
    public async Task Writes_array_merge_submit_scripts_readme_and_the_scenario_with_its_bases()
    {
        string scenario = SlurmTestKit.WriteScenario(_dir);
        string exe = SlurmTestKit.Executable(_dir);
        string job = Job("job");
        var (code, stdout, err) = await Slurm(scenario, exe, job, "--partition", "cpu", "--time", "00:30:00", "--cpus-per-task", "2",
            "--mem", "2G", "--account", "def-prof");
        Assert.True(code == 0, err);
        Assert.Contains("bash " + Path.Combine(job, "submit.sh"), stdout);

        string array = File.ReadAllText(Path.Combine(job, SlurmLayout.ArrayScript));
        Assert.Contains("#SBATCH --array=1-4\n", array);
        Assert.Contains("#SBATCH --requeue\n", array);
        Assert.Contains($"#SBATCH --output={job}/logs/shard-%a.out\n", array);
        Assert.Contains($"#SBATCH --error={job}/logs/shard-%a.err\n", array);
        foreach (var line in new[] { "--partition=cpu", "--time=00:30:00", "--cpus-per-task=2", "--mem=2G", "--account=def-prof" })
            Assert.Contains("#SBATCH " + line + "\n", array);
        Assert.Contains("\"$EXE\" compare \"$SCENARIO\" --replications 8 --seed 11 --shard \"$i/$N\"", array);
        Assert.Contains("--out \"$DIR/shards/shard-$i-of-$N\" --resume", array);
        Assert.DoesNotContain("\r", array);
        string merge = File.ReadAllText(Path.Combine(job, SlurmLayout.MergeScript));
        Assert.Contains("\"$EXE\" merge \"${shards[@]}\" --out \"$DIR/merged\"", merge);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", merge);
        string submit = File.ReadAllText(Path.Combine(job, SlurmLayout.SubmitScript));
        Assert.Contains("--dependency=\"afterok:$array\" --kill-on-invalid-dep=yes", submit);
        Assert.Contains("bash " + Path.Combine(job, "submit.sh"), File.ReadAllText(Path.Combine(job, SlurmLayout.Readme)));
        foreach (var s in new[] { SlurmLayout.ArrayScript, SlurmLayout.MergeScript, SlurmLayout.SubmitScript })
        {
            var check = SlurmTestKit.Run("bash", ["-n", Path.Combine(job, s)]);
            Assert.True(check.Code == 0, $"{s}: {check}");
            Assert.True((File.GetUnixFileMode(Path.Combine(job, s)) & UnixFileMode.UserExecute) != 0, s + " is not executable");
        }

        // The scenario, its base and its region file keep their relative layout; the copy is the same scenario.
        Assert.True(File.Exists(Path.Combine(job, "scenario", "sub", "slurm.json")));
        Assert.True(File.Exists(Path.Combine(job, "scenario", "base.json")));
        Assert.True(File.Exists(Path.Combine(job, "scenario", "regions", "small.json")));
        Assert.Contains($"SCENARIO={Path.Combine(job, "scenario", "sub", "slurm.json")}\n", array);
        var original = ScenarioLoader.Load(scenario);
        var copy = ScenarioLoader.Load(Path.Combine(job, "scenario", "sub", "slurm.json"));
        Assert.Equal(original.Hash, copy.Hash);
        Assert.Equal(ComparisonSpec.Create(original).ScenarioHash, ComparisonSpec.Create(copy).ScenarioHash);
    }

    [Fact]
    public async Task Refuses_bad_input_without_writing_anything()
    {
        string scenario = SlurmTestKit.WriteScenario(_dir);
        string exe = SlurmTestKit.Executable(_dir);
        var cases = new (string[] Args, string Message)[]
        {
            (["--shards", "9"], "every shard needs at least one replication"),
            (["--time", "3 hours"], "--time"),
            (["--mem", "lots"], "--mem"),
            (["--partition", "a b"], "--partition"),
            (["--designs", "nope"], "unknown design 'nope'"),
        };
        foreach (var (args, message) in cases)
        {
            string job = Job("bad");
            var (code, _, err) = await Slurm(scenario, exe, job, args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}\n{err}");
            Assert.Contains(message, err);
            Assert.False(Directory.Exists(job), string.Join(' ', args) + " created the job folder");
        }

        var sens = await CompareCli.Run("slurm", scenario, "--command", "sensitivity", "--shards", "2", "--out", Job("sens"), "--executable", exe);
        Assert.Equal(2, sens.Code);
        Assert.Contains("not supported yet", sens.Err);
        Assert.False(Directory.Exists(Job("sens")));

        var missingExe = await CompareCli.Run("slurm", scenario, "--shards", "2", "--out", Job("noexe"), "--executable", Job("nope/alliances"), "--submit");
        Assert.Equal(2, missingExe.Code);
        Assert.Contains("scripts/publish.sh", missingExe.Err);
        Assert.False(Directory.Exists(Job("noexe")));

        string used = Job("used");
        Directory.CreateDirectory(used);
        File.WriteAllText(Path.Combine(used, "notes.txt"), "mine");
        var (usedCode, _, usedErr) = await Slurm(scenario, exe, used);
        Assert.Equal(2, usedCode);
        Assert.Contains("not empty", usedErr);
        Assert.False(File.Exists(Path.Combine(used, SlurmLayout.ArrayScript)));
        var (forced, _, forcedErr) = await Slurm(scenario, exe, used, "--force");
        Assert.True(forced == 0, forcedErr);
        Assert.True(File.Exists(Path.Combine(used, "notes.txt")));
    }

    /// <summary>
    /// The generated scripts run by bash as Slurm runs them: four array tasks, merge.sh, a failed shard named by merge.sh
    /// with the commands that re-run it, the printed command, merge again. Also: a re-run of a finished shard (requeue)
    /// changes nothing, and shards of another seed are refused.
    /// </summary>
    [Fact]
    public async Task Generated_scripts_run_shards_merge_and_report_a_missing_shard()
    {
        string scenario = SlurmTestKit.WriteScenario(_dir);
        string exe = SlurmTestKit.Executable(_dir);
        string job = Job("job");
        var (code, _, err) = await Slurm(scenario, exe, job);
        Assert.True(code == 0, err);

        string whole = Job("whole");
        var single = SlurmTestKit.Run(exe, ["compare", scenario, "--replications", "8", "--seed", "11", "--threads", "2", "--quiet", "--out", whole]);
        Assert.True(single.Code == 0, single.ToString());

        SlurmTestKit.Result Task(string dir, int i) =>
            SlurmTestKit.Run("bash", [Path.Combine(dir, SlurmLayout.ArrayScript)],
                new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SLURM_CPUS_PER_TASK"] = "1" });
        for (int i = 1; i <= 4; i++)
        {
            var t = Task(job, i);
            Assert.True(t.Code == 0, $"task {i}: {t}");
        }
        var merged = SlurmTestKit.Run("bash", [Path.Combine(job, SlurmLayout.MergeScript)]);
        Assert.True(merged.Code == 0, merged.ToString());
        SlurmTestKit.AssertSameCsvs(whole, Path.Combine(job, "merged"));

        // A requeued task whose shard is finished only rewrites the same files.
        string shard2 = SlurmLayout.ShardDir(job, 2, 4);
        var before = CompareCli.Snapshot(shard2);
        Assert.Equal(0, Task(job, 2).Code);
        foreach (var f in CompareCli.Csvs) Assert.Equal(before[f], File.ReadAllBytes(Path.Combine(shard2, f)));
        Assert.Equal(2, Task(job, 5).Code);

        // Shard 3 lost: merge.sh fails, names it with the compare command and the submit.sh command, writes nothing.
        Directory.Delete(SlurmLayout.ShardDir(job, 3, 4), recursive: true);
        Directory.Delete(Path.Combine(job, "merged"), recursive: true);
        var failed = SlurmTestKit.Run("bash", [Path.Combine(job, SlurmLayout.MergeScript)]);
        Assert.Equal(2, failed.Code);
        Assert.Contains("shard 3/4 is missing", failed.Err);
        Assert.Contains("--shard 3/4", failed.Err);
        Assert.Contains($"bash {Path.Combine(job, "submit.sh")} 3\n", failed.Err);
        Assert.False(Directory.Exists(Path.Combine(job, "merged", "runs.csv")));
        var rerun = SlurmTestKit.RunPrintedCommand(SlurmTestKit.PrintedCommand(failed.Err), exe);
        Assert.True(rerun.Code == 0, rerun.ToString());
        var again = SlurmTestKit.Run("bash", [Path.Combine(job, SlurmLayout.MergeScript)]);
        Assert.True(again.Code == 0, again.ToString());
        SlurmTestKit.AssertSameCsvs(whole, Path.Combine(job, "merged"));

        // Shards of another seed do not merge.
        string other = Job("other");
        var (otherCode, _, otherErr) = await CompareCli.Run("slurm", scenario, "--replications", "8", "--shards", "4", "--seed", "12",
            "--out", other, "--executable", exe);
        Assert.True(otherCode == 0, otherErr);
        Assert.Equal(0, Task(other, 2).Code);
        var mixed = await CompareCli.Run("merge", SlurmLayout.ShardDir(job, 1, 4), SlurmLayout.ShardDir(other, 2, 4),
            SlurmLayout.ShardDir(job, 3, 4), SlurmLayout.ShardDir(job, 4, 4), "--out", Job("mixed"));
        Assert.Equal(2, mixed.Code);
        Assert.Contains("seed: 12 vs 11", mixed.Err);
    }

    [Fact]
    public void Pure_helpers()
    {
        Assert.Equal("123", SlurmScripts.ParseJobId("123\n"));
        Assert.Equal("456", SlurmScripts.ParseJobId("456;calcul\n"));
        Assert.Null(SlurmScripts.ParseJobId("sbatch: error: Batch job submission failed\n"));
        Assert.Equal("/a/b.json", SlurmScripts.ShellQuote("/a/b.json"));
        Assert.Equal("'it'\\''s here'", SlurmScripts.ShellQuote("it's here"));
        var plan = ScenarioBundle.Plan(["/s/x/sub/a.json", "/s/x/base.json", "/s/y/r.json", "/s/x/base.json"], "/job/scenario");
        Assert.Equal(
            [("/s/x/sub/a.json", "/job/scenario/x/sub/a.json"), ("/s/x/base.json", "/job/scenario/x/base.json"), ("/s/y/r.json", "/job/scenario/y/r.json")],
            plan);
        Assert.Empty(new SlurmResources { Time = "1-12:00:00", Mem = "1500M", Partition = "cpu,gpu" }.Validate());
        Assert.Single(new SlurmResources { Time = "12h" }.Validate());
    }
}

/// <summary>Helpers of the Slurm tests: a scenario with an "extends" base and a region file, child processes, and the
/// executable the generated scripts call (a wrapper running the tests' alliances.dll with dotnet, or
/// $ALLIANCES_SLURM_TEST_EXECUTABLE, e.g. publish/linux-x64/alliances).</summary>
[UnsupportedOSPlatform("windows")]
internal static class SlurmTestKit
{
    public const int Replications = 8;
    public const ulong Seed = 11;

    /// <summary>Writes scen/sub/slurm.json (extends ../base.json, whose region is the file regions/small.json); returns its path.</summary>
    public static string WriteScenario(string root)
    {
        string dir = Path.Combine(root, "scen");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        Directory.CreateDirectory(Path.Combine(dir, "regions"));
        File.WriteAllText(Path.Combine(dir, "regions", "small.json"), """
            // a small synthetic region
            { "generator": { "territories": 4 } }
            """);
        File.WriteAllText(Path.Combine(dir, "base.json"), """
            {
              "name": "slurm-base",
              "seed": 5,
              "replications": 6,
              "edition": { "months": 24 },
              "region": { "file": "regions/small.json" },
            }
            """);
        string scenario = Path.Combine(dir, "sub", "slurm.json");
        File.WriteAllText(scenario, """
            { "extends": "../base.json", "name": "slurm-test" }
            """);
        return scenario;
    }

    /// <summary>The executable the job scripts call: $ALLIANCES_SLURM_TEST_EXECUTABLE, else a wrapper script in
    /// <paramref name="dir"/> running the tests' alliances.dll with dotnet.</summary>
    public static string Executable(string dir)
    {
        if (Environment.GetEnvironmentVariable("ALLIANCES_SLURM_TEST_EXECUTABLE") is { Length: > 0 } given)
        {
            Assert.True(File.Exists(given), $"ALLIANCES_SLURM_TEST_EXECUTABLE={given} does not exist");
            return Path.GetFullPath(given);
        }
        string dll = Path.Combine(AppContext.BaseDirectory, "alliances.dll");
        Assert.True(File.Exists(dll), $"alliances.dll not found next to the tests ({AppContext.BaseDirectory})");
        string dotnet = FindOnPath("dotnet") ?? "dotnet";
        string wrapper = Path.Combine(dir, "alliances");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {Sh(dotnet)} {Sh(dll)} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return wrapper;
    }

    public static string? FindOnPath(string name, params string[] extra)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(extra);
        foreach (var d in dirs)
        {
            string p = Path.Combine(d, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    public static string Sh(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public sealed record Result(int Code, string Out, string Err)
    {
        public override string ToString() => $"exit {Code}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
    }

    /// <summary>Runs a program to completion (fails the test after <paramref name="timeoutSeconds"/>).</summary>
    public static Result Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? cwd = null,
        int timeoutSeconds = 300)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null)
            foreach (var (k, v) in env)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Assert.Fail($"{file} {string.Join(' ', psi.ArgumentList)} did not finish within {timeoutSeconds} s");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs the command a merge message prints ("alliances compare ..."), with the real executable.</summary>
    public static Result RunPrintedCommand(string command, string exe, IReadOnlyDictionary<string, string?>? env = null)
    {
        Assert.StartsWith("alliances compare ", command);
        return Run("bash", ["-c", Sh(exe) + command["alliances".Length..] + " --quiet"], env);
    }

    /// <summary>The command line printed after "run it with:" / "finish it with:" in merge's error output.</summary>
    public static string PrintedCommand(string mergeStderr)
    {
        var lines = mergeStderr.Split('\n');
        for (int i = 0; i + 1 < lines.Length; i++)
            if (lines[i].TrimEnd().EndsWith("with:", StringComparison.Ordinal) && lines[i + 1].TrimStart().StartsWith("alliances compare ", StringComparison.Ordinal))
                return lines[i + 1].Trim();
        Assert.Fail("no re-run command in merge's output:\n" + mergeStderr);
        return "";
    }

    /// <summary>Asserts the six CSVs of two results folders are byte-identical.</summary>
    public static void AssertSameCsvs(string expected, string actual) => CompareCli.AssertSameCsvs(expected, actual);

    public static string Tail(string path, int lines = 30)
    {
        if (!File.Exists(path)) return $"({path} does not exist)";
        var all = File.ReadAllLines(path);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>Contents of every log of a job folder, for failure messages.</summary>
    public static string Logs(string jobDir)
    {
        var sb = new StringBuilder();
        string logs = Path.Combine(jobDir, "logs");
        if (Directory.Exists(logs))
            foreach (var f in Directory.GetFiles(logs).Order(StringComparer.Ordinal))
                sb.Append("===== ").Append(f).Append('\n').Append(Tail(f)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Valid journal records of a shard folder (0 when none yet).</summary>
    public static long Records(string shardDir)
    {
        string journal = Path.Combine(shardDir, Journal.FileName);
        if (!File.Exists(journal)) return 0;
        try { return Journal.Scan(journal).Records; }
        catch (Exception e) when (e is IOException or InvalidDataException) { return 0; }
    }
}
