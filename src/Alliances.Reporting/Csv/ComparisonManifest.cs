using System.Globalization;
using System.Text.Json;
using Alliances.Experiments.Comparison;
using Alliances.Model;

namespace Alliances.Reporting.Csv;

/// <summary>What manifest.json of a comparison records (docs/CONTRACTS.md, plus the fields after "metrics").</summary>
public sealed record ComparisonManifest
{
    public string Command { get; init; } = "compare";
    public required string ScenarioName { get; init; }
    public string ScenarioFile { get; init; } = "";
    public required string ScenarioHash { get; init; }
    public ulong Seed { get; init; }
    /// <summary>Replications in this folder (the shard's block for a shard, R otherwise).</summary>
    public long Replications { get; init; }
    /// <summary>R of the whole comparison.</summary>
    public long TotalReplications { get; init; }
    public required IReadOnlyList<JournalDesign> Designs { get; init; }
    public int Threads { get; init; }
    /// <summary>Number of shards of the comparison (1 when not sharded).</summary>
    public int Shards { get; init; } = 1;
    /// <summary>This folder's shard, or null for an unsharded run or a merge.</summary>
    public ShardSpec? Shard { get; init; }
    public long FirstReplication { get; init; }
    public string CodeVersion { get; init; } = Experiments.Comparison.CodeVersion.Version;
    public string CodeFingerprint { get; init; } = Experiments.Comparison.CodeVersion.Fingerprint;
    public string? GitCommit { get; init; }
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    public double DurationSeconds { get; init; }
    public double ReplicationsPerSecond { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public CompareInvocation? Invocation { get; init; }
    /// <summary>The command that reproduces (or resumes) this folder.</summary>
    public string? CommandLine { get; init; }
    /// <summary>For a merge: the shard folders, in shard order.</summary>
    public IReadOnlyList<string>? MergedFrom { get; init; }
    public int Months { get; init; }
    public IReadOnlyList<string> Territories { get; init; } = [];
    public IReadOnlyList<TerritoryMetricDef> TerritoryMetrics { get; init; } = [];

    internal void Write(Stream stream, IReadOnlyList<MetricDef> metrics)
    {
        var inv = CultureInfo.InvariantCulture;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("tool", "alliances");
        w.WriteString("command", Command);
        w.WriteStartObject("scenario");
        w.WriteString("name", ScenarioName);
        w.WriteString("file", ScenarioFile);
        w.WriteString("hash", ScenarioHash);
        w.WriteEndObject();
        w.WriteNumber("seed", Seed);
        w.WriteNumber("replications", Replications);
        w.WriteStartArray("designs");
        foreach (var d in Designs)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WritePropertyName("levers");
            d.Levers.WriteTo(w);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("threads", Threads);
        w.WriteNumber("shards", Shards);
        w.WriteString("codeVersion", CodeVersion);
        if (GitCommit is null) w.WriteNull("gitCommit"); else w.WriteString("gitCommit", GitCommit);
        w.WriteString("createdUtc", CreatedUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", inv));
        w.WriteNumber("durationSeconds", Math.Round(DurationSeconds, 3));
        w.WriteNumber("replicationsPerSecond", Math.Round(ReplicationsPerSecond, 3));
        w.WriteStartArray("metrics");
        foreach (var m in metrics)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("better", m.Better.ToString().ToLowerInvariant());
            w.WriteNumber("min", m.Min);
            w.WriteNumber("max", m.Max);
            w.WriteString("fr", m.Fr);
            w.WriteString("en", m.En);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // Beyond the contract ------------------------------------------------------------------------------
        w.WriteNumber("totalReplications", TotalReplications);
        if (Shard is { } s)
        {
            w.WriteStartObject("shard");
            w.WriteNumber("index", s.Index);
            w.WriteNumber("count", s.Count);
            w.WriteNumber("firstReplication", FirstReplication);
            w.WriteNumber("replications", Replications);
            w.WriteEndObject();
        }
        else w.WriteNull("shard");
        w.WriteString("codeFingerprint", CodeFingerprint);
        w.WriteStartArray("arguments");
        foreach (var a in Arguments) w.WriteStringValue(a);
        w.WriteEndArray();
        if (Invocation is { } iv)
        {
            w.WriteStartObject("invocation");
            w.WriteString("scenarioFile", iv.ScenarioFile);
            w.WriteStartArray("designs");
            foreach (var d in iv.Designs) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteNumber("replications", iv.Replications);
            w.WriteNumber("seed", iv.Seed);
            w.WriteNumber("threads", iv.Threads);
            w.WriteString("outDir", iv.OutDir);
            w.WriteEndObject();
        }
        if (CommandLine is not null) w.WriteString("commandLine", CommandLine);
        if (MergedFrom is not null)
        {
            w.WriteStartArray("mergedFrom");
            foreach (var d in MergedFrom) w.WriteStringValue(d);
            w.WriteEndArray();
        }
        w.WriteNumber("months", Months);
        w.WriteString("monthConvention", "0-based: month m is the state at the end of the m-th simulated month (0 = April 2018)");
        w.WriteStartArray("territories");
        foreach (var t in Territories) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartArray("territoryMetrics");
        foreach (var t in TerritoryMetrics)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteNumber("min", t.Min);
            w.WriteNumber("max", t.Max);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("quantileSketch");
        w.WriteNumber("endMetricBins", ComparisonAggregator.EndBins);
        w.WriteNumber("seriesBins", ComparisonAggregator.SeriesBins);
        w.WriteString("maxError", "one bin width: (max - min) / bins of the metric's declared range");
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }
}
