using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// A fully resolved comparison: the scenario (with the seed applied), the designs in report order, the number of
/// replications R and the shard of 0..R-1 this process runs.
/// </summary>
public sealed class ComparisonSpec
{
    private ComparisonSpec(Scenario scenario, IReadOnlyList<NamedDesign> designs, int replications, ShardSpec shard, ComparisonLayout layout)
    {
        Scenario = scenario;
        Designs = designs;
        Replications = replications;
        Shard = shard;
        Layout = layout;
        ScenarioHash = HashScenario(scenario);
    }

    public Scenario Scenario { get; }
    public ulong Seed => Scenario.Seed;
    public IReadOnlyList<NamedDesign> Designs { get; }
    /// <summary>R: replications of the whole comparison (all shards).</summary>
    public int Replications { get; }
    public ShardSpec Shard { get; }
    public long First => Shard.First(Replications);
    public long End => Shard.End(Replications);
    public ComparisonLayout Layout { get; }
    /// <summary>SHA-256 (hex) of the resolved scenario minus its designs, replications and seed (those are checked separately).</summary>
    public string ScenarioHash { get; }

    /// <summary>Validates and resolves; throws <see cref="ArgumentException"/> with a user-facing message on bad input.</summary>
    public static ComparisonSpec Create(Scenario scenario, IReadOnlyList<NamedDesign>? designs = null, int? replications = null,
        ulong? seed = null, ShardSpec? shard = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (seed is { } s) scenario = scenario with { Seed = s };
        var list = designs ?? scenario.Designs;
        if (list.Count == 0) throw new ArgumentException("no design to compare");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in list)
        {
            if (string.IsNullOrWhiteSpace(d.Name)) throw new ArgumentException("a design has an empty name");
            if (!names.Add(d.Name)) throw new ArgumentException($"design '{d.Name}' is listed twice");
        }
        int r = replications ?? scenario.Replications;
        if (r <= 0) throw new ArgumentException($"replications must be positive, got {r}");
        var sh = shard ?? ShardSpec.Whole;
        if (sh.Count > r) throw new ArgumentException($"shard {sh}: cannot split {r} replications into {sh.Count} shards");

        var first = ReplicationInputs.Draw(scenario, 0);
        var territories = first.Region.Territories.Select((t, i) => string.IsNullOrWhiteSpace(t.Name) ? $"T{i + 1:00}" : t.Name).ToArray();
        double envelope = first.Region.Envelope + (scenario.Edition.ExtensionMonths > 0 ? scenario.Edition.ExtensionEnvelope : 0);
        var layout = new ComparisonLayout(list.Select(d => d.Name).ToArray(), MetricCatalog.All, scenario.Edition.TotalMonths,
            territories, ComparisonLayout.TerritoryMetricsFor(envelope));
        return new ComparisonSpec(scenario, list.ToArray(), r, sh, layout);
    }

    /// <summary>
    /// Picks designs by a comma-separated list of names (in the order given): scenario designs first, then the built-in
    /// presets (centralized, decentralized, balanced). Null or empty: every design of the scenario.
    /// </summary>
    public static IReadOnlyList<NamedDesign> SelectDesigns(Scenario scenario, string? commaList)
    {
        if (string.IsNullOrWhiteSpace(commaList)) return scenario.Designs;
        var result = new List<NamedDesign>();
        foreach (var raw in commaList.Split(','))
        {
            string name = raw.Trim();
            if (name.Length == 0) throw new ArgumentException($"empty design name in '{commaList}'");
            var d = scenario.FindDesign(name)
                ?? (Model.Designs.Presets.TryGetValue(name, out var levers) ? new NamedDesign(name, levers) : null);
            if (d is null)
            {
                var known = scenario.Designs.Select(x => x.Name).Concat(Model.Designs.Presets.Keys).Distinct();
                throw new ArgumentException($"unknown design '{name}'; known designs: {string.Join(", ", known)}");
            }
            if (result.Any(x => x.Name == name)) throw new ArgumentException($"design '{name}' is listed twice");
            result.Add(d);
        }
        return result;
    }

    internal static readonly JsonSerializerOptions CanonicalJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };

    /// <summary>A design's levers as canonical JSON (camelCase names, enum names), used in the journal and manifest.</summary>
    public static string LeversJson(Levers levers) => JsonSerializer.Serialize(levers, CanonicalJson);

    private static string HashScenario(Scenario s)
    {
        var canonical = new
        {
            s.Name,
            s.Edition,
            s.Shocks,
            s.Region,
            Parameters = s.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { kv.Key, kv.Value }).ToArray(),
        };
        string json = JsonSerializer.Serialize(canonical, CanonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
