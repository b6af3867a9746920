using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Reporting.Slurm;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances slurm &lt;scenario.json&gt; --shards N --out DIR [--command compare] [--replications R] [--seed S] [--designs a,b]
/// [--partition P] [--time T] [--cpus-per-task C] [--mem M] [--account A] [--executable PATH] [--submit] [--force]</c>:
/// writes a Slurm job folder (job array of N <c>compare --shard i/N</c> tasks, merge job, submit script, README, scenario
/// copy; see <see cref="SlurmScripts"/>) and with <c>--submit</c> submits it. Exit codes: 0 done, 2 bad input (nothing
/// written), 1 submission failed (the folder is written).
/// </summary>
public sealed class SlurmCommand : ICliCommand
{
    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON), e.g. scenarios/default.json" };
        var commandOpt = new Option<string>("--command")
        {
            Description = "What the array tasks run: compare (sensitivity is not supported yet)",
            DefaultValueFactory = _ => "compare",
        };
        var repsOpt = new Option<int?>("--replications")
        {
            Description = "Replications R of the whole comparison [default: the scenario's replications]",
            CustomParser = CliParsers.Int32("--replications", 1, 10_000_000),
        };
        var shardsOpt = new Option<int?>("--shards")
        {
            Description = "Number of shards N = array tasks (contiguous blocks of replications, 1 <= N <= R)",
            Required = true,
            CustomParser = CliParsers.Int32("--shards", 1, 100_000),
        };
        var seedOpt = new Option<ulong?>("--seed") { Description = "Master seed [default: the scenario's seed]", CustomParser = CliParsers.UInt64("--seed") };
        var designsOpt = new Option<string?>("--designs") { Description = "Comma-separated design names [default: every design of the scenario]" };
        var partitionOpt = new Option<string?>("--partition") { Description = "Slurm partition (sbatch --partition)" };
        var timeOpt = new Option<string?>("--time") { Description = "Time limit per task, e.g. 03:00:00 (sbatch --time) [default: the cluster's]" };
        var cpusOpt = new Option<int?>("--cpus-per-task")
        {
            Description = "CPUs per task = compare --threads [default: 1]",
            CustomParser = CliParsers.Int32("--cpus-per-task", 1, 4096),
        };
        var memOpt = new Option<string?>("--mem") { Description = "Memory per task, e.g. 2G (sbatch --mem) [default: the cluster's]" };
        var accountOpt = new Option<string?>("--account") { Description = "Slurm account, e.g. def-someprof (sbatch --account)" };
        var outOpt = new Option<string>("--out") { Description = "Job folder (on a file system the compute nodes see)", Required = true };
        var exeOpt = new Option<string?>("--executable")
        {
            Description = "The alliances executable the tasks run [default: publish/linux-x64/alliances of the repository, from scripts/publish.sh]",
        };
        var submitOpt = new Option<bool>("--submit") { Description = "Submit with sbatch: the array, then the merge job (afterok); prints the job ids" };
        var forceOpt = new Option<bool>("--force") { Description = "Rewrite the scripts of an existing job folder (shards/, logs/ and merged/ are kept)" };
        var command = new Command("slurm",
            "Write (and with --submit, submit) a Slurm job array running a comparison in N shards, then merging them: "
            + "results identical to one 'alliances compare' run.")
        {
            scenarioArg, commandOpt, repsOpt, shardsOpt, seedOpt, designsOpt, partitionOpt, timeOpt, cpusOpt, memOpt, accountOpt,
            outOpt, exeOpt, submitOpt, forceOpt,
        };
        command.SetAction((ParseResult r) =>
        {
            string what = r.GetValue(commandOpt) ?? "compare";
            if (what == "sensitivity")
                throw new CliUsageException("--command sensitivity is not supported yet: 'alliances sensitivity' has no --shard option; "
                                            + "use --command compare");
            if (what != "compare") throw new CliUsageException($"--command: '{what}' is not one of compare, sensitivity");
            return Execute(r, new Request(
                r.GetValue(scenarioArg)!, r.GetValue(repsOpt), r.GetValue(shardsOpt)!.Value, r.GetValue(seedOpt), r.GetValue(designsOpt),
                new SlurmResources
                {
                    Partition = r.GetValue(partitionOpt), Time = r.GetValue(timeOpt), CpusPerTask = r.GetValue(cpusOpt) ?? 1,
                    Mem = r.GetValue(memOpt), Account = r.GetValue(accountOpt),
                },
                r.GetValue(outOpt)!, r.GetValue(exeOpt), r.GetValue(submitOpt), r.GetValue(forceOpt)));
        });
        return command;
    }

    private sealed record Request(string Scenario, int? Replications, int Shards, ulong? Seed, string? Designs, SlurmResources Resources,
        string Out, string? Executable, bool Submit, bool Force);

    private static int Execute(ParseResult r, Request req)
    {
        var stdout = r.Out();
        var stderr = r.Err();

        // 1. Validate everything; nothing is written before this block succeeds.
        var scenario = ScenarioLoader.Load(req.Scenario);
        ComparisonSpec spec;
        IReadOnlyList<NamedDesign> designs;
        try
        {
            designs = ComparisonSpec.SelectDesigns(scenario, req.Designs);
            spec = ComparisonSpec.Create(scenario, designs, req.Replications, req.Seed, ShardSpec.Whole);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        string dir = Path.GetFullPath(req.Out).TrimEnd(Path.DirectorySeparatorChar);
        if (dir.Length == 0) dir = "/";
        string exe = ResolveExecutable(req.Executable);
        var sources = scenario.Sources.Count > 0 ? scenario.Sources.Select(s => Path.GetFullPath(s.Path)).ToList() : [Path.GetFullPath(req.Scenario)];
        var copy = ScenarioBundle.Plan(sources, Path.Combine(dir, SlurmLayout.ScenarioDir));
        var job = new SlurmCompareJob
        {
            Executable = exe,
            Dir = dir,
            ScenarioFile = copy[0].Target,
            ScenarioName = spec.Scenario.Name,
            Designs = string.IsNullOrWhiteSpace(req.Designs) ? null : designs.Select(d => d.Name).ToArray(),
            Replications = spec.Replications,
            Seed = spec.Seed,
            Shards = req.Shards,
            Resources = req.Resources,
            OriginalScenario = Path.GetFullPath(req.Scenario),
        };
        var problems = job.Validate();
        if (problems.Count > 0) throw new CliUsageException(string.Join("\nerror: ", problems));
        if (File.Exists(dir)) throw new CliUsageException($"--out: '{req.Out}' is a file, not a folder");
        if (SlurmJobFolder.IsNonEmpty(dir) && !req.Force)
            throw new CliUsageException($"--out: '{req.Out}' is not empty; choose another folder, or pass --force to rewrite the scripts "
                                        + "(its shards/, logs/ and merged/ are kept: a comparison that changed is refused by --resume)");
        foreach (var (source, _) in copy)
            if (IsUnder(source, Path.Combine(dir, SlurmLayout.ScenarioDir)))
                throw new CliUsageException($"the scenario file {source} is inside the job folder's own scenario copy; give the original scenario");
        string? exeProblem = ExecutableProblem(exe);
        if (exeProblem is not null)
        {
            if (req.Submit) throw new CliUsageException(exeProblem);
            stderr.WriteLine("warning: " + exeProblem + "; the tasks will fail until it exists");
        }
        if (req.Shards > 1000)
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {req.Shards} array tasks: many clusters limit arrays to 1000 tasks or fewer (scontrol show config | grep MaxArraySize)"));

        // 2. Write the folder, then check the copied scenario resolves to the same comparison.
        try
        {
            SlurmJobFolder.Write(job, copy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--out: cannot write to '{req.Out}': {e.Message}");
        }
        var copied = ComparisonSpec.Create(ScenarioLoader.Load(job.ScenarioFile), designs, spec.Replications, spec.Seed, ShardSpec.Whole);
        if (copied.ScenarioHash != spec.ScenarioHash)
        {
            stderr.WriteLine($"error: the scenario copy {job.ScenarioFile} does not resolve to the same scenario as {req.Scenario}");
            return ExitCodes.Failure;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Slurm job for '{spec.Scenario.Name}' (seed {spec.Seed}, {spec.Replications} replications, {spec.Designs.Count} designs) in {req.Shards} shards: {dir}"));
        stdout.WriteLine($"  {SlurmLayout.ArrayScript}  array 1-{req.Shards.ToString(CultureInfo.InvariantCulture)}, task i runs shard i/{req.Shards.ToString(CultureInfo.InvariantCulture)}");
        stdout.WriteLine($"  {SlurmLayout.MergeScript}  merge into {Path.Combine(dir, SlurmLayout.MergedDir)}");
        stdout.WriteLine($"  {SlurmLayout.SubmitScript}  submits both; {SlurmLayout.Readme} says what to do next");
        stdout.WriteLine($"  executable: {exe}");
        if (!req.Submit)
        {
            stdout.WriteLine();
            stdout.WriteLine("Submit on a login node with:");
            stdout.WriteLine("  bash " + SlurmScripts.ShellQuote(Path.Combine(dir, SlurmLayout.SubmitScript)));
            return ExitCodes.Success;
        }

        // 3. Submit: the array, then the merge job depending on it.
        if (!RunSbatch(SlurmScripts.ArraySubmitArguments(job), stderr, out string? arrayId))
        {
            stderr.WriteLine("nothing was submitted; the job folder is written: submit it later with bash "
                             + SlurmScripts.ShellQuote(Path.Combine(dir, SlurmLayout.SubmitScript)));
            return ExitCodes.Failure;
        }
        if (!RunSbatch(SlurmScripts.MergeSubmitArguments(job, arrayId!), stderr, out string? mergeId))
        {
            stdout.WriteLine($"array job id: {arrayId}");
            stderr.WriteLine($"the array job {arrayId} is submitted but the merge job is not; submit it with:\n  sbatch "
                             + string.Join(" ", SlurmScripts.MergeSubmitArguments(job, arrayId!).Skip(1).Select(SlurmScripts.ShellQuote)));
            return ExitCodes.Failure;
        }
        string all = "1-" + req.Shards.ToString(CultureInfo.InvariantCulture);
        try { SlurmJobFolder.RecordSubmission(job, DateTime.Now, arrayId!, mergeId!, all); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { stderr.WriteLine($"warning: {SlurmLayout.Jobs} not updated: {e.Message}"); }
        stdout.WriteLine();
        stdout.WriteLine($"array job id: {arrayId}");
        stdout.WriteLine($"merge job id: {mergeId}");
        stdout.WriteLine($"Monitor with: squeue -j {arrayId},{mergeId}   (logs in {Path.Combine(dir, SlurmLayout.LogsDir)})");
        stdout.WriteLine($"Results: {Path.Combine(dir, SlurmLayout.MergedDir)} once job {mergeId} has run.");
        return ExitCodes.Success;
    }

    /// <summary>--executable made absolute, else publish/linux-x64/alliances of the repository (found above the current
    /// folder or above this program), else this program when it is itself the published executable.</summary>
    private static string ResolveExecutable(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Path.GetFullPath(given);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Simulation.sln")))
                    return Path.Combine(d.FullName, "publish", "linux-x64", "alliances");
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == "alliances") return self;
        throw new CliUsageException("cannot find the repository's publish/linux-x64/alliances: pass --executable PATH "
                                    + "(the self-contained executable written by scripts/publish.sh)");
    }

    private static string? ExecutableProblem(string exe)
    {
        if (exe.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return $"--executable {exe} is a .dll: give the self-contained executable from scripts/publish.sh (or a wrapper script)";
        if (!File.Exists(exe))
            return $"executable not found: {exe}; publish it with scripts/publish.sh (compute nodes need no .NET), or pass --executable";
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(exe) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            return $"{exe} is not executable (chmod +x)";
        return null;
    }

    private static bool RunSbatch(IReadOnlyList<string> args, TextWriter stderr, out string? jobId)
    {
        jobId = null;
        var psi = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        string shown = "sbatch " + string.Join(" ", args.Select(SlurmScripts.ShellQuote));
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000))
            {
                try { p.Kill(); } catch (InvalidOperationException) { }
                stderr.WriteLine($"error: {shown} did not answer within 120 s");
                return false;
            }
            string outText = output.GetAwaiter().GetResult(), errText = error.GetAwaiter().GetResult().Trim();
            jobId = p.ExitCode == 0 ? SlurmScripts.ParseJobId(outText) : null;
            if (jobId is null)
            {
                stderr.WriteLine($"error: {shown} failed (exit {p.ExitCode.ToString(CultureInfo.InvariantCulture)}): {(errText.Length > 0 ? errText : outText.Trim())}");
                return false;
            }
            if (errText.Length > 0) stderr.WriteLine(errText);
            return true;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            stderr.WriteLine($"error: cannot run sbatch ({e.Message}): --submit works on a machine with the Slurm client (a login node)");
            return false;
        }
    }

    private static bool IsUnder(string file, string dir) =>
        file.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
