using System.Globalization;
using System.Text.Json;
using Alliances.Experiments.Comparison;

namespace Alliances.Reporting.Csv;

public sealed record MergeOutcome(bool Ok, IReadOnlyList<string> Problems)
{
    public string OutDir { get; init; } = "";
    public ComparisonResults? Results { get; init; }
    public int Shards { get; init; }
    public long Replications { get; init; }
}

/// <summary>
/// <c>alliances merge DIR... --out DIR</c>: checks that the folders are the n shards of one comparison (same scenario,
/// seed, designs, R, code version; each shard exactly once; each complete), then replays their journals in shard order
/// into a results folder byte-identical to that of an unsharded run (manifest aside). Every problem is reported, with the
/// command that (re-)runs each missing or incomplete shard; nothing is written unless all checks pass.
/// </summary>
public static class MergeJob
{
    public static MergeOutcome Run(IReadOnlyList<string> dirs, string? outDir, string? gitCommit = null)
    {
        var problems = new List<string>();
        if (dirs.Count == 0) problems.Add("no shard folder given");
        if (string.IsNullOrWhiteSpace(outDir)) problems.Add("--out is required: the folder to write the merged results to");
        if (problems.Count > 0) return new MergeOutcome(false, problems);

        var shards = new List<(string Dir, JournalHeader Header, long Records)>();
        foreach (var dir in dirs)
        {
            string journal = Path.Combine(dir, Journal.FileName);
            if (!Directory.Exists(dir)) { problems.Add($"{dir}: no such folder"); continue; }
            if (!File.Exists(journal)) { problems.Add($"{dir}: no {Journal.FileName} (not a folder written by 'alliances compare')"); continue; }
            try
            {
                var (header, records, _) = Journal.Scan(journal);
                shards.Add((dir, header, records));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{dir}: unreadable journal: {e.Message}");
            }
        }
        if (shards.Count == 0) return new MergeOutcome(false, problems);

        var reference = shards[0];
        string Name((string Dir, JournalHeader Header, long Records) s) => $"shard {s.Header.Shard} ({s.Dir})";
        bool mixed = false;
        foreach (var s in shards.Skip(1))
        {
            var diffs = s.Header.Differences(reference.Header, includeShard: false);
            if (diffs.Count > 0) { problems.Add($"{Name(s)} does not belong with {Name(reference)}: {string.Join("; ", diffs)}"); mixed = true; }
        }
        // Mixed shards: the shard layout cannot be trusted, stop here. Unreadable or absent folders do not stop the
        // checks: the missing shards they leave are named below with the command that runs them.
        if (mixed) return new MergeOutcome(false, problems);

        int n = reference.Header.ShardCount;
        foreach (var g in shards.GroupBy(s => s.Header.ShardIndex).Where(g => g.Count() > 1).OrderBy(g => g.Key))
            problems.Add($"shard {g.Key}/{n} given {g.Count()} times: {string.Join(", ", g.Select(s => s.Dir))}");
        var present = shards.Select(s => s.Header.ShardIndex).ToHashSet();
        for (int i = 1; i <= n; i++)
        {
            if (present.Contains(i)) continue;
            var missing = new ShardSpec(i, n);
            string guess = CompareCommandLine.GuessShardOut(reference.Header.Invocation.OutDir is { Length: > 0 } o ? o : reference.Dir,
                reference.Header.Shard, missing);
            problems.Add($"shard {missing} is missing; run it with:\n  {CompareCommandLine.For(reference.Header.Invocation, missing, guess, resume: false)}");
        }
        foreach (var s in shards.OrderBy(s => s.Header.ShardIndex))
        {
            if (s.Records >= s.Header.Count) continue;
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Name(s)} is incomplete ({s.Records} of {s.Header.Count} replications); finish it with:\n  ")
                + CompareCommandLine.For(s.Header.Invocation, s.Header.Shard, s.Dir, resume: true));
        }
        string outFull = Path.GetFullPath(outDir!).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var s in shards)
            if (string.Equals(Path.GetFullPath(s.Dir).TrimEnd(Path.DirectorySeparatorChar), outFull, StringComparison.Ordinal))
                problems.Add($"--out {outDir} is one of the shard folders; choose another folder");
        if (File.Exists(outDir)) problems.Add($"--out: '{outDir}' is a file, not a folder");
        else if (File.Exists(Path.Combine(outDir!, Journal.FileName)))
            problems.Add($"--out: '{outDir}' holds a comparison journal (a compare folder); choose another folder");
        if (problems.Count > 0) return new MergeOutcome(false, problems);

        try
        {
            Directory.CreateDirectory(outDir!);
            string probe = Path.Combine(outDir!, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new MergeOutcome(false, [$"--out: cannot write to '{outDir}': {e.Message}"]);
        }

        var ordered = shards.OrderBy(s => s.Header.ShardIndex).ToList();
        var h = reference.Header;
        double duration = 0;
        int threads = 0;
        foreach (var s in ordered)
        {
            var (d, t) = ShardTiming(s.Dir);
            duration += d;
            threads = Math.Max(threads, t);
        }
        var manifest = new ComparisonManifest
        {
            ScenarioName = h.ScenarioName,
            ScenarioFile = h.Invocation.ScenarioFile,
            ScenarioHash = ShardScenarioHash(reference.Dir) ?? h.ScenarioHash,
            Seed = h.Seed,
            Replications = h.Replications,
            TotalReplications = h.Replications,
            Designs = h.Designs,
            Threads = threads > 0 ? threads : h.Invocation.Threads,
            Shards = n,
            Shard = null,
            FirstReplication = 0,
            CodeVersion = h.CodeVersion,
            CodeFingerprint = h.CodeFingerprint,
            GitCommit = gitCommit,
            DurationSeconds = duration,
            ReplicationsPerSecond = duration > 0 ? h.Replications / duration : 0,
            Invocation = h.Invocation,
            CommandLine = "alliances merge " + string.Join(" ", ordered.Select(s => s.Dir)) + " --out " + outDir,
            MergedFrom = ordered.Select(s => s.Dir).ToArray(),
            Months = h.Months,
            Territories = h.Territories,
            TerritoryMetrics = h.TerritoryMetrics,
        };
        var results = ComparisonFolderWriter.Write(outDir!, ordered.Select(s => Path.Combine(s.Dir, Journal.FileName)).ToArray(), manifest);
        return new MergeOutcome(true, []) { OutDir = outDir!, Results = results, Shards = n, Replications = h.Replications };
    }

    /// <summary>durationSeconds and threads from a shard's manifest (0 when absent).</summary>
    private static (double Duration, int Threads) ShardTiming(string dir)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, ComparisonFiles.Manifest)));
            var root = doc.RootElement;
            double d = root.TryGetProperty("durationSeconds", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : 0;
            int t = root.TryGetProperty("threads", out var th) && th.ValueKind == JsonValueKind.Number ? th.GetInt32() : 0;
            return (d, t);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return (0, 0);
        }
    }

    private static string? ShardScenarioHash(string dir)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, ComparisonFiles.Manifest)));
            return doc.RootElement.TryGetProperty("scenario", out var s) && s.TryGetProperty("hash", out var h) ? h.GetString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
