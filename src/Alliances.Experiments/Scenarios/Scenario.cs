using Alliances.Experiments.Uncertainty;
using Alliances.Model;

namespace Alliances.Experiments.Scenarios;

/// <summary>How an uncertain parameter is drawn for each replication.</summary>
public enum DistributionKind { Fixed, Uniform, Triangular, Normal }

/// <summary>A parameter's value or distribution in a scenario (drawn once per replication, the same for every design).</summary>
public sealed record ParameterDistribution(DistributionKind Kind, double A, double B = 0, double C = 0)
{
    public static ParameterDistribution Fixed(double v) => new(DistributionKind.Fixed, v);
    public static ParameterDistribution Uniform(double low, double high) => new(DistributionKind.Uniform, low, high);
    /// <summary>Triangular(low, mode, high).</summary>
    public static ParameterDistribution Triangular(double low, double mode, double high) => new(DistributionKind.Triangular, low, mode, high);
    /// <summary>Normal(mean, sd), truncated to the parameter's declared range.</summary>
    public static ParameterDistribution Normal(double mean, double sd) => new(DistributionKind.Normal, mean, sd);
}

/// <summary>Where a scenario's region comes from: an explicit region, or the synthetic generator drawn per replication.</summary>
public sealed record RegionSource
{
    /// <summary>An explicit region (territories listed in the scenario or in a region file). Null: use <see cref="Generator"/>.</summary>
    public RegionSpec? Region { get; init; }
    public RegionGeneratorSpec Generator { get; init; } = new();
}

/// <summary>
/// A resolved scenario: everything a run or a comparison needs, with no file references left.
/// Designs are named lever vectors; a replication draws the region and the uncertain parameters once and every design
/// runs on those draws (common random numbers).
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "scenario";
    public string Description { get; init; } = "";
    public ulong Seed { get; init; } = 20180401;
    public int Replications { get; init; } = 100;
    public EditionSpec Edition { get; init; } = new();
    public ShockSpec Shocks { get; init; } = new();
    public RegionSource Region { get; init; } = new();
    /// <summary>Parameters whose value differs from the registry default, or that are drawn per replication.</summary>
    public IReadOnlyDictionary<string, ParameterDistribution> Parameters { get; init; } = new Dictionary<string, ParameterDistribution>();
    /// <summary>Named designs, in the order they are reported.</summary>
    public IReadOnlyList<NamedDesign> Designs { get; init; } =
        [new("centralized", Model.Designs.Centralized), new("decentralized", Model.Designs.Decentralized), new("balanced", Model.Designs.Balanced)];
    /// <summary>The design `run` uses when none is named.</summary>
    public string DefaultDesign { get; init; } = "balanced";

    public NamedDesign? FindDesign(string name) => Designs.FirstOrDefault(d => d.Name == name);

    /// <summary>What `sensitivity` and `robustness` treat as uncertain and what they explore, beyond the distributions of
    /// <see cref="Parameters"/> (scenario field "uncertainty"; see <see cref="UncertaintySpec"/>).</summary>
    public UncertaintySpec Uncertainty { get; init; } = UncertaintySpec.Default;

    /// <summary>When the region's envelope was computed from an inter-regional allocation ("envelopeFromAllocation"), how;
    /// null otherwise.</summary>
    public EnvelopeAllocation? EnvelopeAllocation { get; init; }

    /// <summary>Where each parameter entry of <see cref="Parameters"/> was set ("file:line"), for `describe`. Empty for
    /// scenarios built in code.</summary>
    public IReadOnlyDictionary<string, string> ParameterOrigins { get; init; } = new Dictionary<string, string>();

    /// <summary>Per design name: its preset (null: the Levers defaults) and where each lever set in a file was set
    /// (lever JSON name → "file:line"), for `describe`. Empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, DesignOrigin> DesignOrigins { get; init; } = new Dictionary<string, DesignOrigin>();

    /// <summary>Path of the scenario file as given to <see cref="ScenarioLoader.Load"/>; null for scenarios built in code.</summary>
    public string? File { get; init; }

    /// <summary>Every file the scenario was resolved from (the scenario file first, then its bases and region files,
    /// in load order), each with the SHA-256 of its bytes. Empty for scenarios built in code.</summary>
    public IReadOnlyList<ScenarioSource> Sources { get; init; } = [];

    /// <summary>
    /// SHA-256 (lower-case hex) identifying the scenario's inputs: the hash of the scenario file's bytes when it is the
    /// only source; otherwise the hash of the UTF-8 text made of each source's hash followed by '\n', in load order
    /// (so it changes when a base or region file changes, and does not depend on where the files are). Null when built in code.
    /// </summary>
    public string? Hash => Sources.Count switch
    {
        0 => null,
        1 => Sources[0].Sha256,
        _ => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Concat(Sources.Select(s => s.Sha256 + "\n"))))),
    };
}

/// <summary>A file a scenario was read from. Role: "scenario", "extends" (a base file) or "region" (a region file).</summary>
public sealed record ScenarioSource(string Role, string Path, string Sha256);

public sealed record NamedDesign(string Name, Levers Levers);

/// <summary>Where a design's levers come from: a preset (or the Levers defaults when null) and the levers set in files.</summary>
public sealed record DesignOrigin(string? Preset, IReadOnlyDictionary<string, string> Levers);

/// <summary>
/// A region envelope computed by an inter-regional allocation rule (brief §1 "The money", lever L17): the rule, the
/// budget and every region's inputs and amount (cents), and the scenario's region with its amount.
/// </summary>
public sealed record EnvelopeAllocation(string Rule, string RuleDescription, long BudgetCents,
    IReadOnlyList<Allocation.RegionAllocationInput> Regions, IReadOnlyList<long> AmountsCents, string Region, long AmountCents);
