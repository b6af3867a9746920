using System.Globalization;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

public enum FactorKind
{
    Parameter,
    Lever,
    /// <summary>The stochastic part of a run as a pseudo-factor (see <see cref="Factor.Noise"/>).</summary>
    Noise,
}

/// <summary>
/// One input varied by an experiment: an uncertain model parameter (from the scenario's distributions or the registry)
/// or an explored numeric lever of one design. A point u in [0, 1] maps to a value by <see cref="Quantile"/>.
/// </summary>
public sealed class Factor
{
    private Factor(string name, FactorKind kind, ParameterDistribution distribution, double low, double high, bool isInteger, string origin)
    {
        Name = name;
        Kind = kind;
        Distribution = distribution;
        Low = low;
        High = high;
        IsInteger = isInteger;
        Origin = origin;
    }

    /// <summary>Parameter name (e.g. "projects.effect_per_million") or "design.lever" (e.g. "balanced.regionalShare").</summary>
    public string Name { get; }
    public FactorKind Kind { get; }
    public ParamDef? Parameter { get; private init; }
    public LeverField? Lever { get; private init; }
    /// <summary>The design whose lever this is (levers only).</summary>
    public string? Design { get; private init; }
    /// <summary>Uniform, Triangular or Normal (a normal is truncated to [Low, High]).</summary>
    public ParameterDistribution Distribution { get; }
    /// <summary>Support of the factor: the bounds used by scenario discovery.</summary>
    public double Low { get; }
    public double High { get; }
    public bool IsInteger { get; }
    /// <summary>Where the factor comes from: "scenario", "registry [U]" (the tag), or "explore".</summary>
    public string Origin { get; }

    public static Factor ForParameter(ParamDef def, ParameterDistribution distribution, string origin)
    {
        (double low, double high) = distribution.Kind switch
        {
            DistributionKind.Uniform => (distribution.A, distribution.B),
            DistributionKind.Triangular => (distribution.A, distribution.C),
            DistributionKind.Normal => (def.Low, def.High),
            _ => throw new ArgumentException($"{def.Name}: a {distribution.Kind} distribution is not a factor"),
        };
        return new Factor(def.Name, FactorKind.Parameter, distribution, low, high, def.IsInteger, origin) { Parameter = def };
    }

    public static Factor ForLever(ExploredLever explored)
    {
        if (!LeverFields.TryGet(explored.Lever, out var field) || !field.IsNumber)
            throw new ArgumentException($"'{explored.Lever}' is not a numeric lever");
        return new Factor(explored.Name, FactorKind.Lever, ParameterDistribution.Uniform(explored.Low, explored.High),
            explored.Low, explored.High, field.IsInteger, "explore") { Lever = field, Design = explored.Design };
    }

    /// <summary>Name of the noise pseudo-factor.</summary>
    public const string NoiseName = "noise";

    /// <summary>
    /// The stochastic part of a run — the region drawn from the Region stream, the draws of parameters that are not
    /// factors, and every model stream — as one pseudo-factor: its value is the replication the row runs on. Moving it
    /// changes the replication and nothing else, so its indices measure how much of a metric's variation is chance.
    /// </summary>
    public static Factor Noise() =>
        new(NoiseName, FactorKind.Noise, ParameterDistribution.Uniform(0, 1), 0, 1, true, "noise (replication)");

    /// <summary>The value at quantile <paramref name="u"/> ∈ [0, 1] (rounded for integer parameters and levers).</summary>
    public double Quantile(double u)
    {
        u = Math.Clamp(u, 0, 1);
        var d = Distribution;
        double v = d.Kind switch
        {
            DistributionKind.Uniform => d.A + u * (d.B - d.A),
            DistributionKind.Triangular => Triangular(u, d.A, d.B, d.C),
            DistributionKind.Normal => TruncatedNormal(u, d.A, d.B, Low, High),
            _ => d.A,
        };
        v = Math.Clamp(v, Low, High);
        return IsInteger ? Math.Round(v) : v;
    }

    /// <summary>E.g. "uniform(0, 0.5)", "triangular(1, 2, 4)", "normal(0.3, 0.1) on [0, 1]".</summary>
    public string DistributionText
    {
        get
        {
            if (Kind == FactorKind.Noise) return "replication (region, other draws, model streams)";
            var d = Distribution;
            return d.Kind switch
            {
                DistributionKind.Uniform => $"uniform({N(d.A)}, {N(d.B)})",
                DistributionKind.Triangular => $"triangular({N(d.A)}, {N(d.B)}, {N(d.C)})",
                DistributionKind.Normal => $"normal({N(d.A)}, {N(d.B)}) on [{N(Low)}, {N(High)}]",
                _ => N(d.A),
            };
        }
    }

    /// <summary>Canonical one-line description (part of a sampling plan's fingerprint).</summary>
    public string Canonical => $"{Kind}|{Name}|{DistributionText}|{(IsInteger ? "int" : "real")}";

    public override string ToString() => $"{Name} ~ {DistributionText}";

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    // Triangular(low a, mode c, high b), as ReplicationInputs draws it.
    private static double Triangular(double u, double a, double c, double b)
    {
        double f = (c - a) / (b - a);
        return u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
    }

    private static double TruncatedNormal(double u, double mean, double sd, double low, double high)
    {
        double a = MathNet.Numerics.Distributions.Normal.CDF(mean, sd, low);
        double b = MathNet.Numerics.Distributions.Normal.CDF(mean, sd, high);
        if (!(b - a > 1e-12)) return Math.Clamp(mean, low, high);
        double p = Math.Clamp(a + u * (b - a), 1e-300, 1 - 1e-16);
        return MathNet.Numerics.Distributions.Normal.InvCDF(mean, sd, p);
    }
}

/// <summary>Builds the factor list of an experiment from a scenario.</summary>
public static class Factors
{
    /// <summary>
    /// The uncertain parameters of <paramref name="scenario"/>, in registry order: every parameter the scenario gives a
    /// distribution (uniform, triangular, normal) of non-zero width, and every registry parameter whose evidence tag is
    /// in <paramref name="tags"/> (default: the scenario's <c>uncertainty.includeRegistry</c>, itself [U] by default)
    /// with Low &lt; High, uniform over [Low, High] — except parameters the scenario fixes and those listed in
    /// <c>uncertainty.exclude</c>. Then, when <paramref name="design"/> is given, that design's explored levers in
    /// file order.
    /// </summary>
    public static IReadOnlyList<Factor> For(Scenario scenario, string? design = null, IReadOnlyList<Evidence>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Uncertainty;
        tags ??= spec.IncludeTags;
        var list = new List<Factor>();
        foreach (var def in P.All)
        {
            if (spec.Exclude.Contains(def.Name)) continue;
            if (scenario.Parameters.TryGetValue(def.Name, out var dist))
            {
                bool varies = dist.Kind switch
                {
                    DistributionKind.Uniform => dist.B > dist.A,
                    DistributionKind.Triangular => dist.C > dist.A,
                    DistributionKind.Normal => dist.B > 0 && def.High > def.Low,
                    _ => false,
                };
                if (varies) list.Add(Factor.ForParameter(def, dist, "scenario"));
                continue;
            }
            if (tags.Contains(def.Tag) && def.High > def.Low)
                list.Add(Factor.ForParameter(def, ParameterDistribution.Uniform(def.Low, def.High), $"registry [{def.Tag}]"));
        }
        if (design is not null)
            foreach (var e in spec.Explore.Where(e => e.Design == design)) list.Add(Factor.ForLever(e));
        return list;
    }

    /// <summary>Copies of the inputs and levers with the factor values applied (parameters to the inputs, levers to
    /// the design they belong to; a lever of another design is ignored).</summary>
    public static (RunInputs Inputs, Levers Levers) Apply(IReadOnlyList<Factor> factors, ReadOnlySpan<double> values, RunInputs inputs,
        NamedDesign design)
    {
        if (values.Length != factors.Count) throw new ArgumentException($"expected {factors.Count} factor values, got {values.Length}");
        Parameters? parameters = null;
        Dictionary<LeverField, object>? overrides = null;
        for (int i = 0; i < factors.Count; i++)
        {
            var f = factors[i];
            if (f.Kind == FactorKind.Parameter)
            {
                parameters ??= inputs.Parameters.Clone();
                parameters[f.Parameter!] = values[i];
            }
            else if (f.Kind == FactorKind.Lever && f.Design == design.Name)
            {
                overrides ??= [];
                overrides[f.Lever!] = f.Lever!.IsInteger ? (int)Math.Round(values[i]) : values[i];
            }
        }
        var levers = overrides is null ? design.Levers : LeverFields.With(design.Levers, overrides);
        return (parameters is null ? inputs : inputs with { Parameters = parameters }, levers);
    }
}
