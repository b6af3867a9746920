using System.Diagnostics;
using System.Globalization;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;

namespace Alliances.Reporting.Csv;

/// <summary>The inputs of <c>alliances compare</c> after command-line parsing (the scenario already loaded).</summary>
public sealed record CompareRequest
{
    public required Scenario Scenario { get; init; }
    /// <summary>The scenario path as given on the command line (recorded for re-run commands).</summary>
    public string ScenarioFile { get; init; } = "";
    /// <summary>Comma-separated design names, or null for every design of the scenario.</summary>
    public string? Designs { get; init; }
    public int? Replications { get; init; }
    public ulong? Seed { get; init; }
    /// <summary>Worker threads; null = <see cref="Environment.ProcessorCount"/>.</summary>
    public int? Threads { get; init; }
    public string? OutDir { get; init; }
    public bool Resume { get; init; }
    /// <summary>"i/n", or null for the whole comparison.</summary>
    public string? Shard { get; init; }
    /// <summary>Replace whatever results DIR already holds (otherwise refused).</summary>
    public bool Force { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public string? GitCommit { get; init; }
}

public enum CompareStatus { Completed, BadInput, Interrupted }

public sealed record CompareOutcome(CompareStatus Status, string Message)
{
    public string OutDir { get; init; } = "";
    public ComparisonResults? Results { get; init; }
    public ComparisonSpec? Spec { get; init; }
    /// <summary>Replications found in the journal when resuming.</summary>
    public long Resumed { get; init; }
    /// <summary>Replications of this folder now in the journal.</summary>
    public long Done { get; init; }
    public long Total { get; init; }
    public TimeSpan Duration { get; init; }
    public double ReplicationsPerSecond { get; init; }
    /// <summary>For an interrupted run: the command that continues it.</summary>
    public string? ResumeCommand { get; init; }
}

/// <summary>Progress callbacks of a comparison (called from the committing thread).</summary>
public interface ICompareProgress
{
    void Start(long total, long alreadyDone);
    void Report(long done);
    void Stop();
}

/// <summary>
/// <c>alliances compare</c> without the console: validates everything before touching the output folder, runs the
/// replications of the shard on T threads committing each to the journal in replication order, and on completion
/// writes the results folder from the journal. Resume continues from the journal's valid records (a torn tail is cut);
/// the final files are the same as those of an uninterrupted run.
/// </summary>
public static class CompareJob
{
    public static CompareOutcome Run(CompareRequest req, ICompareProgress? progress = null, CancellationToken cancellation = default)
    {
        // 1. Validate every input; nothing is created or overwritten before this block succeeds.
        int threads = req.Threads ?? Environment.ProcessorCount;
        if (threads < 1) return Bad($"--threads must be at least 1, got {threads}");
        var shard = ShardSpec.Whole;
        if (req.Shard is not null && !ShardSpec.TryParse(req.Shard, out shard, out string shardError)) return Bad(shardError);
        ComparisonSpec spec;
        try
        {
            var designs = ComparisonSpec.SelectDesigns(req.Scenario, req.Designs);
            spec = ComparisonSpec.Create(req.Scenario, designs, req.Replications, req.Seed, shard);
        }
        catch (ArgumentException e)
        {
            return Bad(e.Message);
        }
        string outDir = string.IsNullOrWhiteSpace(req.OutDir) ? CompareCommandLine.DefaultOut(spec.Scenario.Name, spec.Seed, shard) : req.OutDir;
        var invocation = new CompareInvocation
        {
            ScenarioFile = req.ScenarioFile,
            Designs = spec.Designs.Select(d => d.Name).ToArray(),
            Replications = spec.Replications,
            Seed = spec.Seed,
            Threads = threads,
            OutDir = outDir,
        };
        var header = JournalHeader.For(spec, invocation);
        string journal = Path.Combine(outDir, Journal.FileName);
        string resumeCommand = CompareCommandLine.For(invocation, shard, outDir, resume: true);

        if (File.Exists(outDir)) return Bad($"--out: '{outDir}' is a file, not a folder");
        bool hasJournal = File.Exists(journal);
        long records = 0, validLength = -1;
        if (req.Resume && hasJournal)
        {
            try
            {
                var (old, n, length) = Journal.Scan(journal);
                var diffs = old.Differences(header, includeShard: true);
                if (diffs.Count > 0)
                    return Bad($"cannot resume {outDir}: its journal is for a different comparison ({string.Join("; ", diffs)}; journal vs this command)");
                records = n;
                validLength = length;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return Bad($"cannot resume {outDir}: {e.Message}");
            }
        }
        else if (req.Resume && ComparisonFiles.HoldsResults(outDir) && !req.Force)
        {
            return Bad($"cannot resume {outDir}: it holds results but no {Journal.FileName} (a merged folder?); choose another --out");
        }
        else if (!req.Resume && ComparisonFiles.HoldsResults(outDir) && !req.Force)
        {
            return Bad($"'{outDir}' already holds comparison results; pass --resume to continue them, --force to replace them, "
                       + "or choose another --out");
        }
        try
        {
            Directory.CreateDirectory(outDir);
            string probe = Path.Combine(outDir, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Bad($"--out: cannot write to '{outDir}': {e.Message}");
        }

        // 2. Journal: continue the valid prefix, or start a new one (replacing old results only with --force).
        var clock = Stopwatch.StartNew();
        long total = spec.End - spec.First;
        JournalWriter writer;
        if (records > 0 || (req.Resume && hasJournal)) writer = JournalWriter.Open(journal, header, validLength, records);
        else
        {
            if (req.Force)
                foreach (var f in ComparisonFiles.Final) File.Delete(Path.Combine(outDir, f));
            writer = JournalWriter.CreateNew(journal, header);
        }

        // 3. Run the missing replications; each is committed to the journal in replication order.
        long done = records;
        long ran;
        progress?.Start(total, records);
        try
        {
            using (writer)
            {
                ran = OrderedParallelRunner.Run(spec.First + records, spec.End, threads,
                    (r, ct) => ReplicationRunner.Run(spec, r, ct),
                    (_, result) =>
                    {
                        writer.Append(result);
                        done++;
                        progress?.Report(done);
                    },
                    cancellation);
            }
        }
        finally
        {
            progress?.Stop();
        }
        var elapsed = clock.Elapsed;
        double rate = elapsed.TotalSeconds > 0 ? ran / elapsed.TotalSeconds : 0;
        if (done < total)
        {
            return new CompareOutcome(CompareStatus.Interrupted, string.Create(CultureInfo.InvariantCulture,
                $"interrupted: {done} of {total} replications are saved in {journal}; continue with:\n  {resumeCommand}"))
            {
                OutDir = outDir, Spec = spec, Resumed = records, Done = done, Total = total, Duration = elapsed,
                ReplicationsPerSecond = rate, ResumeCommand = resumeCommand,
            };
        }

        // 4. Final files from the journal.
        var manifest = new ComparisonManifest
        {
            ScenarioName = spec.Scenario.Name,
            ScenarioFile = req.ScenarioFile,
            ScenarioHash = spec.Scenario.Hash ?? spec.ScenarioHash,
            Seed = spec.Seed,
            Replications = total,
            TotalReplications = spec.Replications,
            Designs = header.Designs,
            Threads = threads,
            Shards = shard.Count,
            Shard = shard.IsWhole ? null : shard,
            FirstReplication = spec.First,
            GitCommit = req.GitCommit ?? (CodeVersion.GitCommit == "unknown" ? null : CodeVersion.GitCommit),
            DurationSeconds = elapsed.TotalSeconds,
            ReplicationsPerSecond = rate,
            Arguments = req.Arguments,
            Invocation = invocation,
            CommandLine = CompareCommandLine.For(invocation, shard, outDir, resume: false),
            Months = spec.Layout.Months,
            Territories = spec.Layout.Territories,
            TerritoryMetrics = spec.Layout.TerritoryMetrics,
        };
        var results = ComparisonFolderWriter.Write(outDir, [journal], manifest);
        return new CompareOutcome(CompareStatus.Completed, $"results written to {outDir}")
        {
            OutDir = outDir, Spec = spec, Results = results, Resumed = records, Done = done, Total = total, Duration = clock.Elapsed,
            ReplicationsPerSecond = rate,
        };
    }

    private static CompareOutcome Bad(string message) => new(CompareStatus.BadInput, message);
}
