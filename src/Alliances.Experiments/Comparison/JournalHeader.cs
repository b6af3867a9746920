using System.Text.Json;
using System.Text.Json.Serialization;
using System.Globalization;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>How a comparison was invoked: enough to print the exact command that re-runs a shard.</summary>
public sealed record CompareInvocation
{
    public string ScenarioFile { get; init; } = "";
    public IReadOnlyList<string> Designs { get; init; } = [];
    public int Replications { get; init; }
    public ulong Seed { get; init; }
    public int Threads { get; init; }
    public string OutDir { get; init; } = "";
}

public sealed record JournalDesign(string Name, JsonElement Levers);

/// <summary>
/// First block of a journal: what was compared and by which code. <c>--resume</c> and <c>merge</c> compare these fields
/// (see <see cref="Differences"/>) and refuse to mix journals that differ.
/// </summary>
public sealed record JournalHeader
{
    public int Format { get; init; } = 1;
    public string ScenarioName { get; init; } = "";
    public string ScenarioHash { get; init; } = "";
    public ulong Seed { get; init; }
    public int Replications { get; init; }
    public int ShardIndex { get; init; } = 1;
    public int ShardCount { get; init; } = 1;
    /// <summary>First replication of this journal's block and number of replications in it.</summary>
    public long First { get; init; }
    public long Count { get; init; }
    public IReadOnlyList<JournalDesign> Designs { get; init; } = [];
    public string CodeVersion { get; init; } = "";
    public string CodeFingerprint { get; init; } = "";
    public IReadOnlyList<string> Metrics { get; init; } = [];
    public int Months { get; init; }
    public IReadOnlyList<string> Territories { get; init; } = [];
    public IReadOnlyList<TerritoryMetricDef> TerritoryMetrics { get; init; } = [];
    public CompareInvocation Invocation { get; init; } = new();

    [JsonIgnore] public ShardSpec Shard => new(ShardIndex, ShardCount);

    public static JournalHeader For(ComparisonSpec spec, CompareInvocation invocation) => new()
    {
        ScenarioName = spec.Scenario.Name,
        ScenarioHash = spec.ScenarioHash,
        Seed = spec.Seed,
        Replications = spec.Replications,
        ShardIndex = spec.Shard.Index,
        ShardCount = spec.Shard.Count,
        First = spec.First,
        Count = spec.End - spec.First,
        Designs = spec.Designs.Select(d => new JournalDesign(d.Name, JsonDocument.Parse(ComparisonSpec.LeversJson(d.Levers)).RootElement.Clone())).ToArray(),
        CodeVersion = Comparison.CodeVersion.Version,
        CodeFingerprint = Comparison.CodeVersion.Fingerprint,
        Metrics = spec.Layout.Metrics.Select(m => m.Name).ToArray(),
        Months = spec.Layout.Months,
        Territories = spec.Layout.Territories.ToArray(),
        TerritoryMetrics = spec.Layout.TerritoryMetrics.ToArray(),
        Invocation = invocation,
    };

    /// <summary>The layout the records follow; throws when a metric is unknown to this build.</summary>
    public ComparisonLayout ToLayout()
    {
        var metrics = Metrics.Select(n => MetricCatalog.TryGet(n, out var def) ? def
            : throw new InvalidDataException($"metric '{n}' of the journal is unknown to this version")).ToArray();
        return new ComparisonLayout(Designs.Select(d => d.Name).ToArray(), metrics, Months, Territories, TerritoryMetrics);
    }

    /// <summary>
    /// Fields that make two journals incompatible (for resume: also the shard), each as "what: this vs other".
    /// Empty when compatible.
    /// </summary>
    public IReadOnlyList<string> Differences(JournalHeader other, bool includeShard)
    {
        var diffs = new List<string>();
        void Check(string what, string a, string b) { if (a != b) diffs.Add($"{what}: {a} vs {b}"); }
        if (ScenarioName != other.ScenarioName) diffs.Add($"scenario: {ScenarioName} vs {other.ScenarioName}");
        else if (ScenarioHash != other.ScenarioHash)
            diffs.Add($"scenario '{ScenarioName}': contents differ (hash {Short(ScenarioHash)} vs {Short(other.ScenarioHash)})");
        Check("seed", Seed.ToString(Inv), other.Seed.ToString(Inv));
        Check("replications", Replications.ToString(Inv), other.Replications.ToString(Inv));
        Check("designs", string.Join(",", Designs.Select(d => d.Name)), string.Join(",", other.Designs.Select(d => d.Name)));
        if (Designs.Count == other.Designs.Count)
            for (int i = 0; i < Designs.Count; i++)
                if (Designs[i].Name == other.Designs[i].Name && Designs[i].Levers.GetRawText() != other.Designs[i].Levers.GetRawText())
                    diffs.Add($"design '{Designs[i].Name}': levers differ");
        Check("code version", $"{CodeVersion} [{CodeFingerprint}]", $"{other.CodeVersion} [{other.CodeFingerprint}]");
        Check("metrics", string.Join(",", Metrics), string.Join(",", other.Metrics));
        Check("months", Months.ToString(Inv), other.Months.ToString(Inv));
        if (includeShard) Check("shard", Shard.ToString(), other.Shard.ToString());
        else Check("shard count", ShardCount.ToString(Inv), other.ShardCount.ToString(Inv));
        return diffs;
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string Short(string hash) => hash[..Math.Min(12, hash.Length)];

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
    };
}
