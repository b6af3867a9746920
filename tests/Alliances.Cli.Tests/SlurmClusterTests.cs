using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.Versioning;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Alliances.Reporting.Slurm;

namespace Alliances.Cli.Tests;

/// <summary>
/// A [Fact] that is skipped when the machine cannot run the test cluster (not Linux, not root, or Debian's slurm-wlm /
/// munge missing: install them with scripts/ci/install-deps.sh) — except when CI=true, where the test runs and fails.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        string? why = OperatingSystem.IsLinux() ? SlurmCluster.Unavailable() : "the Slurm test cluster needs Linux";
        if (why is not null && !ci) Skip = why + " (with CI=true this is a failure)";
    }
}

/// <summary>A throw-away single-node Slurm cluster (scripts/slurm/start-cluster.sh) with its own state dir and ports.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SlurmCluster : IDisposable
{
    private static readonly string[] Commands = ["munged", "munge", "slurmctld", "slurmd", "sbatch", "scontrol", "squeue", "scancel", "sinfo"];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the cluster cannot run here, or null.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "the Slurm test cluster needs Linux";
        var missing = Commands.Where(c => SlurmTestKit.FindOnPath(c, "/usr/sbin", "/sbin") is null).ToArray();
        if (missing.Length > 0) return $"Slurm/munge not installed (missing {string.Join(", ", missing)}; run scripts/ci/install-deps.sh)";
        if (Environment.UserName != "root" && !IsRootUid()) return "the Slurm test cluster must run as root (slurmd launches jobs)";
        return null;
    }

    private static bool IsRootUid()
    {
        try { return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0"); }
        catch (IOException) { return false; }
    }

    public string StateDir { get; }
    public IReadOnlyDictionary<string, string?> Env { get; }
    private readonly string _scripts = Path.Combine(RepoPaths.Root, "scripts", "slurm");

    public SlurmCluster()
    {
        if (Unavailable() is { } why) Assert.Fail("CI=true but the Slurm test cluster cannot run: " + why);
        StateDir = Path.Combine(Path.GetTempPath(), "alliances-slurm-test-" + Guid.NewGuid().ToString("N")[..8]);
        var (ctld, slurmd) = (FreePort(), FreePort());
        var start = SlurmTestKit.Run("bash", [Path.Combine(_scripts, "start-cluster.sh"), StateDir], new Dictionary<string, string?>
        {
            ["SLURMCTLD_PORT"] = ctld.ToString(CultureInfo.InvariantCulture),
            ["SLURMD_PORT"] = slurmd.ToString(CultureInfo.InvariantCulture),
        }, timeoutSeconds: 180);
        if (start.Code != 0)
        {
            Stop();
            Assert.Fail("start-cluster.sh failed: " + start);
        }
        Env = new Dictionary<string, string?> { ["SLURM_CONF"] = Path.Combine(StateDir, "etc", "slurm.conf") };
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public SlurmTestKit.Result Run(string command, params string[] args) => SlurmTestKit.Run(command, args, Env, timeoutSeconds: 60);

    /// <summary>JobState of every task of a job (an array job: one entry per task or pending range); empty when unknown.</summary>
    public IReadOnlyList<(string Task, string State, string Reason)> States(string jobId)
    {
        var r = Run("scontrol", "-o", "show", "job", jobId);
        if (r.Code != 0) return [];
        var result = new List<(string, string, string)>();
        foreach (var line in r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var task = TaskRe().Match(line);
            var state = StateRe().Match(line);
            var reason = ReasonRe().Match(line);
            if (state.Success)
                result.Add((task.Success ? task.Groups[1].Value : "", state.Groups[1].Value, reason.Success ? reason.Groups[1].Value : ""));
        }
        return result;
    }

    private static readonly string[] Terminal = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE"];

    public static bool IsTerminal(string state) => Terminal.Contains(state);

    /// <summary>Waits until every task of <paramref name="jobId"/> is in a terminal state; returns their states.</summary>
    public IReadOnlyList<(string Task, string State, string Reason)> WaitDone(string jobId, TimeSpan timeout, Func<string> context)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = States(jobId);
            if (states.Count > 0 && states.All(s => IsTerminal(s.State))) return states;
            if (clock.Elapsed > timeout)
                Assert.Fail($"job {jobId} not finished after {timeout.TotalSeconds} s: "
                            + string.Join(", ", states.Select(s => $"{s.Task}:{s.State}({s.Reason})")) + "\n" + Diagnostics() + context());
            Thread.Sleep(500);
        }
    }

    public string Diagnostics() =>
        "===== squeue\n" + Run("squeue", "-a", "-l").Out + "\n===== slurmctld.log\n" + SlurmTestKit.Tail(Path.Combine(StateDir, "log", "slurmctld.log"))
        + "\n===== slurmd.log\n" + SlurmTestKit.Tail(Path.Combine(StateDir, "log", "slurmd.log")) + "\n";

    private void Stop() => SlurmTestKit.Run("bash", [Path.Combine(_scripts, "stop-cluster.sh"), StateDir], timeoutSeconds: 120);

    public void Dispose()
    {
        Stop();
        if (Environment.GetEnvironmentVariable("ALLIANCES_SLURM_TEST_KEEP") != "1")
            try { Directory.Delete(StateDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"\bArrayTaskId=(\S+)")]
    private static partial Regex TaskRe();

    [GeneratedRegex(@"\bJobState=(\S+)")]
    private static partial Regex StateRe();

    [GeneratedRegex(@"\bReason=(\S+)")]
    private static partial Regex ReasonRe();
}

/// <summary>
/// The whole cluster flow on a real single-node Slurm cluster: `alliances slurm --submit` of a 4-shard array and its merge
/// job, merged CSVs byte-identical to one `compare` run; a requeued task resumes; a cancelled task cancels the merge job,
/// merge names the shard with the command that re-runs it, and that command plus a merge completes the result; submit.sh
/// re-runs a lost shard and its merge job on the cluster.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class SlurmClusterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alliances-slurm-cli-tests", Guid.NewGuid().ToString("N")[..12]);

    public SlurmClusterTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ALLIANCES_SLURM_TEST_KEEP") == "1") return;
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [SlurmFact]
    public void Sharded_compare_on_slurm_matches_a_single_run_and_failed_shards_are_reported_and_rerun()
    {
        using var cluster = new SlurmCluster();
        string scenario = SlurmTestKit.WriteScenario(_dir);
        string exe = SlurmTestKit.Executable(_dir);
        string whole = Path.Combine(_dir, "whole");
        var single = SlurmTestKit.Run(exe, ["compare", scenario, "--replications", "8", "--seed", "11", "--quiet", "--out", whole]);
        Assert.True(single.Code == 0, single.ToString());

        (string Array, string Merge) Submit(string job)
        {
            var r = SlurmTestKit.Run(exe, ["slurm", scenario, "--command", "compare", "--replications", "8", "--seed", "11", "--shards", "4",
                "--time", "00:10:00", "--cpus-per-task", "1", "--out", job, "--submit", "--executable", exe], cluster.Env, cwd: _dir);
            Assert.True(r.Code == 0, r + cluster.Diagnostics());
            return (IdRe("array").Match(r.Out).Groups[1].Value, IdRe("merge").Match(r.Out).Groups[1].Value);
        }

        // 1. Submit, wait for the merge job: the merged CSVs equal those of the single run.
        string a = Path.Combine(_dir, "job-a");
        var (arrayA, mergeA) = Submit(a);
        Assert.Matches("^[0-9]+$", arrayA);
        Assert.Matches("^[0-9]+$", mergeA);
        var mergeState = cluster.WaitDone(mergeA, Timeout, () => SlurmTestKit.Logs(a));
        Assert.True(mergeState.All(s => s.State == "COMPLETED"), $"merge job: {mergeState[0].State}\n{SlurmTestKit.Logs(a)}");
        Assert.All(cluster.States(arrayA), s => Assert.Equal("COMPLETED", s.State));
        SlurmTestKit.AssertSameCsvs(whole, Path.Combine(a, SlurmLayout.MergedDir));
        Assert.Contains(arrayA + "\t" + mergeA, File.ReadAllText(Path.Combine(a, SlurmLayout.Jobs)));

        // 2. Submit again; cancel task 3 at once, requeue task 1 once it has started. A shard takes about a second, so
        // polling may miss its RUNNING window: a finished batch job can be requeued too, with the same effect.
        string b = Path.Combine(_dir, "job-b");
        var (arrayB, mergeB) = Submit(b);
        var cancel = cluster.Run("scancel", arrayB + "_3");
        Assert.True(cancel.Code == 0, cancel.ToString());
        var clock = Stopwatch.StartNew();
        while (!cluster.States(arrayB).Any(s => s.Task == "1" && s.State is "RUNNING" or "COMPLETED"))
        {
            Assert.True(clock.Elapsed < Timeout, "task 1 never ran\n" + cluster.Diagnostics());
            Thread.Sleep(100);
        }
        var requeue = cluster.Run("scontrol", "requeue", arrayB + "_1");
        Assert.True(requeue.Code == 0, requeue.ToString());

        // The merge job does not wait forever for a task that will never succeed: it is cancelled.
        var mergeBState = cluster.WaitDone(mergeB, Timeout, () => SlurmTestKit.Logs(b));
        Assert.Equal("CANCELLED", mergeBState[0].State);
        var tasks = cluster.WaitDone(arrayB, Timeout, () => SlurmTestKit.Logs(b));
        // (a task cancelled while pending may vanish from scontrol's list: it never ran)
        Assert.DoesNotContain(tasks, t => t.Task == "3" && t.State != "CANCELLED");
        Assert.All(tasks.Where(t => t.Task is "1" or "2" or "4"), t => Assert.Equal("COMPLETED", t.State));
        string log1 = File.ReadAllText(Path.Combine(b, "logs", "shard-1.out"));
        Assert.True(log1.Contains("attempt 2", StringComparison.Ordinal), "task 1 was not requeued:\n" + log1);

        // merge (as the README says: bash merge.sh) names shard 3 and the commands that re-run it; nothing is written.
        var failed = SlurmTestKit.Run("bash", [Path.Combine(b, SlurmLayout.MergeScript)], cluster.Env);
        Assert.NotEqual(0, failed.Code);
        Assert.Contains("shard 3/4", failed.Err);
        Assert.Contains("--shard 3/4", failed.Err);
        Assert.Contains($"bash {Path.Combine(b, SlurmLayout.SubmitScript)} 3\n", failed.Err);
        Assert.False(File.Exists(Path.Combine(b, SlurmLayout.MergedDir, "runs.csv")));
        var rerun = SlurmTestKit.RunPrintedCommand(SlurmTestKit.PrintedCommand(failed.Err), exe);
        Assert.True(rerun.Code == 0, rerun.ToString());
        var merged = SlurmTestKit.Run("bash", [Path.Combine(b, SlurmLayout.MergeScript)], cluster.Env);
        Assert.True(merged.Code == 0, merged.ToString());
        SlurmTestKit.AssertSameCsvs(whole, Path.Combine(b, SlurmLayout.MergedDir));

        // 3. A shard lost after the fact: submit.sh re-runs only it on the cluster, and its merge job completes the result.
        Directory.Delete(SlurmLayout.ShardDir(b, 2, 4), recursive: true);
        Directory.Delete(Path.Combine(b, SlurmLayout.MergedDir), recursive: true);
        var resubmit = SlurmTestKit.Run("bash", [Path.Combine(b, SlurmLayout.SubmitScript), "2"], cluster.Env);
        Assert.True(resubmit.Code == 0, resubmit + cluster.Diagnostics());
        string arrayC = IdRe("array").Match(resubmit.Out).Groups[1].Value, mergeC = IdRe("merge").Match(resubmit.Out).Groups[1].Value;
        var mergeCState = cluster.WaitDone(mergeC, Timeout, () => SlurmTestKit.Logs(b));
        Assert.True(mergeCState[0].State == "COMPLETED", $"merge job: {mergeCState[0].State}\n{SlurmTestKit.Logs(b)}");
        var tasksC = cluster.States(arrayC);
        Assert.Equal(["2"], tasksC.Select(t => t.Task));
        SlurmTestKit.AssertSameCsvs(whole, Path.Combine(b, SlurmLayout.MergedDir));
    }

    private static Regex IdRe(string kind) => kind == "array" ? ArrayIdRe() : MergeIdRe();

    [GeneratedRegex(@"array job id: ([0-9]+)")]
    private static partial Regex ArrayIdRe();

    [GeneratedRegex(@"merge job id: ([0-9]+)")]
    private static partial Regex MergeIdRe();
}
