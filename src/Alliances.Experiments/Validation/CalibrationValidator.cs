using System.Diagnostics;
using System.Globalization;
using Alliances.Analysis.Statistics;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using MathNet.Numerics.Distributions;

namespace Alliances.Experiments.Validation;

/// <summary>Options of <see cref="CalibrationValidator.Run"/>.</summary>
public sealed record ValidationOptions
{
    /// <summary>The folder holding the shipped scenarios (default.json, as-is-2017-2023.json, rassembleur.json, funding-gap*.json).</summary>
    public required string ScenarioDirectory { get; init; }
    public int Replications { get; init; } = CalibrationValidator.DefaultReplications;
    /// <summary>Worker threads; null: every processor. Results do not depend on it.</summary>
    public int? Threads { get; init; }
    /// <summary>Replaces every scenario's seed when given.</summary>
    public ulong? Seed { get; init; }
}

/// <summary>The shipped scenarios do not have what a target needs (a design, a shock...): bad input, not a failed target.</summary>
public sealed class ValidationSetupException(string message) : Exception(message);

/// <summary>
/// Runs the calibration targets of brief §9 (a-h) on the shipped scenarios they need and returns, per target, the
/// expected pattern, the model's statistic with its 95 % CI and PASS or FAIL. Model targets run through
/// <see cref="ComparisonRunner"/> (common random numbers: every design of a replication sees the same region, parameter
/// draws and shocks, so directional targets use paired differences).
/// <para>Statistics: means and paired mean differences with Student t 95 % intervals over replications; quantiles (f)
/// with the distribution-free order-statistic interval (ranks n·p ± 1.96·√(n·p·(1−p))); the standard deviation (f) with
/// the chi-square interval. Pass rules: directional targets pass when the whole CI lies on the expected side of 0;
/// level targets (a, e, f) compare the point estimate with the threshold (the CI is reported).</para>
/// </summary>
public static class CalibrationValidator
{
    /// <summary>Default R: about 30·R simulation runs in all (15 scenario-design pairs, twice for target g).</summary>
    public const int DefaultReplications = 200;
    public const int MinReplications = 3;

    public const string DefaultScenario = "default.json";
    public const string AsIsScenario = "as-is-2017-2023.json";
    public const string RassembleurScenario = "rassembleur.json";
    public const string FundingGapScenario = "funding-gap.json";
    public const string FundingGapBridgingScenario = "funding-gap-bridging.json";
    public const string Rassembleur25 = "rassembleur";
    public const string Rassembleur10 = "rassembleur-10";
    public const string ExpertInfluence = "concertation.expert_influence";

    private static readonly int PA = MetricCatalog.PriorityAlignment, RPC = MetricCatalog.RegionalPriorityCoverage,
        RP = MetricCatalog.RegionalProjects, Gini = MetricCatalog.TerritorialGini, Gap = MetricCatalog.CapacityGap,
        Rat = MetricCatalog.RatificationRate, Prefet = MetricCatalog.PrefetEngagement, Mob = MetricCatalog.Mobilization,
        RegEng = MetricCatalog.RegionalEngagement, LocEng = MetricCatalog.LocalEngagement;

    public static readonly IReadOnlyList<(string Id, string Title)> Targets =
    [
        ("a", "Regional lever and alignment (report L178-184, L4206-4209, L6809-6812)"),
        ("b", "Low regional share (report L181-184, L4213-4219)"),
        ("c", "As-is inputs: Tableau 6 (report L2010-2082)"),
        ("d", "Equity under decentralisation (report L110-115, L186-191, L5619-5627)"),
        ("e", "Ratification of local recommendations (report L1979-1982)"),
        ("f", "Elected officials' engagement is very variable (report L76-79, L5297-5317)"),
        ("g", "Experts de vécu and relevance: an unconfirmed effect (report L144-149, L3983-3986)"),
        ("h", "Mobilisation decay in a funding gap (report L363-366, L5614-5618, L6456-6459)"),
    ];

    public static ValidationReport Run(ValidationOptions options, Action<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Replications < MinReplications)
            throw new ValidationSetupException($"replications must be at least {MinReplications}, got {options.Replications}");
        var sw = Stopwatch.StartNew();
        var set = ScenarioSet.Load(options.ScenarioDirectory, options.Seed);
        int threads = options.Threads ?? Environment.ProcessorCount;
        var ctx = new RunContext(options.Replications, threads, progress, cancellation);

        var main = Evaluate(set, ctx, "");
        var zeroSet = set.WithParameter(ExpertInfluence, ParameterDistribution.Fixed(0));
        var zero = Evaluate(zeroSet, ctx, "expert_influence = 0");

        var checks = new Dictionary<string, List<ValidationCheck>>();
        foreach (var (id, _) in Targets) checks[id] = [];
        foreach (var c in main) checks[c.Target].Add(c);
        checks["c"].AddRange(CheckTableau6(set));
        checks["f"].Add(CheckFormalSeats(set));
        checks["g"].AddRange(CheckExpertInfluenceRange(set));
        checks["g"].AddRange(zero.Select(c => c with { Target = "g", Statistic = $"with expert_influence fixed at 0, ({c.Target}) {c.Statistic}" }));
        var targets = Targets.Select(t => new TargetOutcome(t.Id, t.Title, checks[t.Id])).ToList();
        return new ValidationReport(options.Replications, targets, sw.Elapsed, ctx.Runs);
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Scenarios

    private sealed record ScenarioSet(Scenario Default, Scenario AsIs, Scenario Rassembleur, Scenario Gap, Scenario Bridging)
    {
        public static ScenarioSet Load(string dir, ulong? seed)
        {
            if (!Directory.Exists(dir))
                throw new ValidationSetupException($"scenario folder '{dir}' not found; give the folder of the shipped scenarios with --scenarios");
            Scenario L(string file)
            {
                var path = Path.Combine(dir, file);
                if (!File.Exists(path)) throw new ValidationSetupException($"{path} not found: validate needs the shipped scenario {file}");
                var s = ScenarioLoader.Load(path);
                return seed is { } v ? s with { Seed = v } : s;
            }
            var set = new ScenarioSet(L(DefaultScenario), L(AsIsScenario), L(RassembleurScenario), L(FundingGapScenario), L(FundingGapBridgingScenario));
            set.Require(set.Default, DefaultScenario, "decentralized", "balanced");
            set.Require(set.Rassembleur, RassembleurScenario, Rassembleur25, Rassembleur10);
            if (set.AsIs.Designs.Count != Tableau6.Regions)
                throw new ValidationSetupException($"{AsIsScenario} must define exactly {Tableau6.Regions} designs (one per region of Tableau 6), found {set.AsIs.Designs.Count}");
            var g = set.Gap.Shocks; var b = set.Bridging.Shocks;
            if (!g.FundingGap || g.BridgingShare != 0)
                throw new ValidationSetupException($"{FundingGapScenario} must have a funding gap without bridging (fundingGap true, bridgingShare 0)");
            if (!b.FundingGap || b.BridgingShare <= 0 || b.GapStart != g.GapStart || b.GapMonths != g.GapMonths)
                throw new ValidationSetupException($"{FundingGapBridgingScenario} must have the same funding gap as {FundingGapScenario} with a positive bridgingShare");
            if (g.GapStart < 1 || g.GapStart + g.GapMonths > set.Gap.Edition.Months)
                throw new ValidationSetupException($"{FundingGapScenario}: the gap must start after month 0 and end within the edition");
            if (set.Gap.Seed != set.Bridging.Seed || !set.Gap.Designs.Select(d => d.Name).SequenceEqual(set.Bridging.Designs.Select(d => d.Name)))
                throw new ValidationSetupException($"{FundingGapScenario} and {FundingGapBridgingScenario} must share their seed and designs (they are compared replication by replication)");
            return set;
        }

        private void Require(Scenario s, string file, params string[] designs)
        {
            foreach (var d in designs)
                if (s.FindDesign(d) is null)
                    throw new ValidationSetupException($"{file} must define design '{d}' (designs: {string.Join(", ", s.Designs.Select(x => x.Name))})");
        }

        public ScenarioSet WithParameter(string name, ParameterDistribution value)
        {
            Scenario W(Scenario s)
            {
                var p = new Dictionary<string, ParameterDistribution>(s.Parameters, StringComparer.Ordinal) { [name] = value };
                return s with { Parameters = p };
            }
            return new ScenarioSet(W(Default), W(AsIs), W(Rassembleur), W(Gap), W(Bridging));
        }
    }

    private sealed class RunContext(int replications, int threads, Action<string>? progress, CancellationToken cancellation)
    {
        public int R { get; } = replications;
        public long Runs { get; set; }

        public RunData Simulate(Scenario s, IReadOnlyList<NamedDesign> designs, string label, params int[] months)
        {
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"validate: {label}{Path.GetFileName(s.File)}: {designs.Count} designs x {R} replications"));
            var spec = ComparisonSpec.Create(s, designs, R);
            var data = new RunData(designs.Select(d => d.Name).ToArray(), spec.Layout.M, months);
            ComparisonRunner.RunInMemory(spec, threads, r =>
            {
                data.End.Add(r.End);
                foreach (int m in months)
                {
                    var at = new double[spec.Layout.D * spec.Layout.M];
                    for (int d = 0; d < spec.Layout.D; d++)
                        for (int k = 0; k < spec.Layout.M; k++) at[d * spec.Layout.M + k] = r.Series[spec.Layout.SeriesIndex(d, m, k)];
                    data.At[m].Add(at);
                }
            }, cancellation);
            Runs += (long)designs.Count * R;
            return data;
        }
    }

    /// <summary>End metrics (and region metrics at selected months) per replication and design.</summary>
    private sealed class RunData(string[] designs, int metrics, int[] months)
    {
        public List<double[]> End { get; } = [];
        public Dictionary<int, List<double[]>> At { get; } = months.ToDictionary(m => m, _ => new List<double[]>());
        public int Count => End.Count;
        private int D(string design) => Array.IndexOf(designs, design) is var i and >= 0 ? i : throw new ArgumentException(design);
        public double[] EndOf(string design, int metric) { int d = D(design); return End.Select(e => e[d * metrics + metric]).ToArray(); }
        public double[] AtOf(int month, string design, int metric) { int d = D(design); return At[month].Select(e => e[d * metrics + metric]).ToArray(); }
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Model targets (a, b, d, e, f, h), evaluated on a scenario set

    private static List<ValidationCheck> Evaluate(ScenarioSet set, RunContext ctx, string variant)
    {
        string label = variant.Length > 0 ? variant + ": " : "";
        var checks = new List<ValidationCheck>();

        // (a), (b): rassembleur.json, designs at 25 % and 10 %.
        var rass = set.Rassembleur;
        var rd = ctx.Simulate(rass, [rass.FindDesign(Rassembleur25)!, rass.FindDesign(Rassembleur10)!], label);
        var (m, lo, hi) = MeanCi(rd.EndOf(Rassembleur25, PA));
        checks.Add(new("a", "mean priority_alignment > 0.90 (observed 92 % with 25 % and a regional project per priority)",
            $"mean priority_alignment, {RassembleurScenario} design '{Rassembleur25}' (balanced-type, 25 %)", m, lo, hi, m > 0.90));
        foreach (var (metric, name) in new[] { (RP, "regional_projects"), (RPC, "regional_priority_coverage"), (PA, "priority_alignment") })
        {
            var diff = Diff(rd.EndOf(Rassembleur10, metric), rd.EndOf(Rassembleur25, metric));
            (m, lo, hi) = MeanCi(diff);
            checks.Add(new("b", "< 0: lower at 10 % than at 25 % (95 % CI of the paired difference below 0)",
                $"paired difference 10 % - 25 % in {name}, {RassembleurScenario} ('{Rassembleur10}' - '{Rassembleur25}')", m, lo, hi, hi < 0));
        }

        // (d): default.json, decentralized vs balanced.
        var def = set.Default;
        var dd = ctx.Simulate(def, [def.FindDesign("decentralized")!, def.FindDesign("balanced")!], label);
        foreach (var (metric, name) in new[] { (Gini, "territorial_gini"), (Gap, "capacity_gap") })
        {
            (m, lo, hi) = MeanCi(Diff(dd.EndOf("decentralized", metric), dd.EndOf("balanced", metric)));
            checks.Add(new("d", "> 0: higher under decentralized than balanced, same territories (95 % CI of the paired difference above 0)",
                $"paired difference decentralized - balanced in {name}, {DefaultScenario}", m, lo, hi, lo > 0));
        }

        // (f) and (e) on the as-is population.
        var asIs = set.AsIs;
        var ad = ctx.Simulate(asIs, asIs.Designs, label);
        var prefets = asIs.Designs.SelectMany(x => ad.EndOf(x.Name, Prefet)).OrderBy(x => x).ToArray();
        int n = prefets.Length;
        string pop = $"prefet_engagement over {asIs.Designs.Count} as-is designs x {ctx.R} replications ({AsIsScenario})";
        var (p10, p10lo, p10hi) = Quantile(prefets, 0.10);
        checks.Add(new("f", "p10 <= 0.35: low-engagement regions appear", "p10 of " + pop, p10, p10lo, p10hi, p10 <= 0.35));
        var (p90, p90lo, p90hi) = Quantile(prefets, 0.90);
        checks.Add(new("f", "p90 >= 0.60: high-engagement regions appear", "p90 of " + pop, p90, p90lo, p90hi, p90 >= 0.60));
        var moments = new StreamingMoments();
        moments.AddRange(prefets);
        double sd = moments.StandardDeviation;
        var (sdlo, sdhi) = SdCi(n, sd);
        checks.Add(new("f", "sd >= 0.15: wide between-region variance", "sd of " + pop, sd, sdlo, sdhi, sd >= 0.15));

        checks.Add(Ratification(asIs, ad, AsIsScenario));
        checks.Add(Ratification(rass with { Designs = [rass.FindDesign(Rassembleur25)!, rass.FindDesign(Rassembleur10)!] }, rd, RassembleurScenario));
        checks.Add(Ratification(def with { Designs = [def.FindDesign("decentralized")!, def.FindDesign("balanced")!] }, dd, DefaultScenario));

        // (h): funding gap, without and with bridging, paired by replication.
        var gap = set.Gap.Shocks;
        int before = gap.GapStart - 1, end = gap.GapStart + gap.GapMonths - 1;
        var gd = ctx.Simulate(set.Gap, set.Gap.Designs, label, before, end);
        var bd = ctx.Simulate(set.Bridging, set.Bridging.Designs, label, before, end);
        foreach (var design in set.Gap.Designs.Select(x => x.Name))
        {
            var fall = Diff(gd.AtOf(before, design, Mob), gd.AtOf(end, design, Mob));
            (m, lo, hi) = MeanCi(fall);
            checks.Add(new("h", "> 0: mobilization falls during the gap",
                $"mobilization month {before} - month {end} (before the gap - end of the gap), {FundingGapScenario} design '{design}'", m, lo, hi, lo > 0));
            var regional = RelativeFall(gd.AtOf(before, design, RegEng), gd.AtOf(end, design, RegEng));
            var local = RelativeFall(gd.AtOf(before, design, LocEng), gd.AtOf(end, design, LocEng));
            (m, lo, hi) = MeanCi(Diff(regional, local));
            checks.Add(new("h", "> 0: regional engagement falls faster than local (local concertations held on)",
                $"relative fall of regional_engagement - relative fall of local_engagement, {FundingGapScenario} design '{design}'", m, lo, hi, lo > 0));
            var bridgedFall = Diff(bd.AtOf(before, design, Mob), bd.AtOf(end, design, Mob));
            (m, lo, hi) = MeanCi(Diff(fall, bridgedFall));
            checks.Add(new("h", "> 0: a bridging payment slows the fall (paired)",
                $"mobilization fall without - with bridging ({FundingGapScenario} vs {FundingGapBridgingScenario}), design '{design}'", m, lo, hi, lo > 0));
        }
        return checks;
    }

    private static ValidationCheck Ratification(Scenario s, RunData data, string file)
    {
        var recommending = s.Designs.Where(d => d.Levers.LocalDecision is LocalDecisionPath.MrcRecommends or LocalDecisionPath.ConcertationRecommends).ToList();
        if (recommending.Count == 0)
            return new("e", ">= 0.95 in every design where local bodies recommend", $"no design of {file} has local bodies recommending", double.NaN, double.NaN, double.NaN, true);
        var worst = recommending.Select(d => (d.Name, Ci: MeanCi(data.EndOf(d.Name, Rat)))).MinBy(x => x.Ci.Mean);
        return new("e", ">= 0.95 in every design where local bodies recommend",
            $"lowest mean ratification_rate over the {recommending.Count} recommending designs of {file} (design '{worst.Name}')",
            worst.Ci.Mean, worst.Ci.Low, worst.Ci.High, worst.Ci.Mean >= 0.95);
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Structural targets (c, f formal seats, g ranges)

    private static IEnumerable<ValidationCheck> CheckTableau6(ScenarioSet set)
    {
        var designs = set.AsIs.Designs;
        yield return new("c", $"{Tableau6.Regions} designs, one per region of Tableau 6", $"designs in {AsIsScenario}",
            designs.Count, double.NaN, double.NaN, designs.Count == Tableau6.Regions);
        foreach (var dim in Tableau6.Dimensions)
        {
            var observed = Tableau6.Observed(dim, designs.Select(d => d.Levers));
            bool ok = observed.Count == dim.Expected.Count && observed.Zip(dim.Expected).All(p => p.First == p.Second);
            yield return new("c", Tableau6.Format(dim.Expected), $"{dim.Name} in {AsIsScenario}: {Tableau6.Format(observed)}",
                ok ? 1 : 0, double.NaN, double.NaN, ok);
        }
        foreach (var (cell, check) in Tableau6.StatedCells)
        {
            var problem = check(designs);
            yield return new("c", "archetype cell stated by the report (S) holds", $"{cell}{(problem is null ? "" : ": " + problem)}",
                problem is null ? 1 : 0, double.NaN, double.NaN, problem is null);
        }
    }

    /// <summary>Formal seats everywhere: in every as-is design, every préfet sits on the Table des préfets.</summary>
    private static ValidationCheck CheckFormalSeats(ScenarioSet set)
    {
        var inputs = ReplicationInputs.Draw(set.AsIs, 0);
        int ok = 0;
        foreach (var d in set.AsIs.Designs)
        {
            var w = new Simulation(inputs, d.Levers, set.AsIs.Seed, 0).World;
            var members = new HashSet<int>();
            if (w.PrefetsBody >= 0)
                for (int k = w.MemberStart[w.PrefetsBody]; k < w.MemberStart[w.PrefetsBody + 1]; k++) members.Add(w.Members[k]);
            if (Enumerable.Range(0, w.T).All(t => members.Contains(w.PrefetOf[t]))) ok++;
        }
        int count = set.AsIs.Designs.Count;
        return new("f", $"{count} of {count}: formal seats held everywhere",
            $"as-is designs where every préfet sits on the Table des préfets ({AsIsScenario})", ok, double.NaN, double.NaN, ok == count);
    }

    private static IEnumerable<ValidationCheck> CheckExpertInfluenceRange(ScenarioSet set)
    {
        P.TryGet(ExpertInfluence, out var def);
        yield return new("g", "declared range includes 0 ([U] parameter)",
            $"registry range of {ExpertInfluence}: [{Num(def.Low)}, {Num(def.High)}], tag {def.Tag} (value: the low end)",
            def.Low, double.NaN, double.NaN, def.Low <= 0 && def.High >= 0 && def.Tag == Evidence.U);
        foreach (var (s, file) in new[] { (set.AsIs, AsIsScenario), (set.Default, DefaultScenario) })
        {
            var (low, high, text) = s.Parameters.TryGetValue(ExpertInfluence, out var dist) ? Range(dist, def) : (def.Default, def.Default, $"registry default {Num(def.Default)}");
            yield return new("g", "results are reported across a range that includes 0",
                $"{ExpertInfluence} in {file}: {text} (value: the low end)", low, double.NaN, double.NaN, low <= 0 && high >= 0);
        }
    }

    private static (double Low, double High, string Text) Range(ParameterDistribution d, ParamDef def) => d.Kind switch
    {
        DistributionKind.Fixed => (d.A, d.A, $"fixed {Num(d.A)}"),
        DistributionKind.Uniform => (d.A, d.B, $"uniform [{Num(d.A)}, {Num(d.B)}]"),
        DistributionKind.Triangular => (d.A, d.C, $"triangular [{Num(d.A)}, {Num(d.B)}, {Num(d.C)}]"),
        _ => (def.Low, def.High, $"normal({Num(d.A)}, {Num(d.B)}) truncated to [{Num(def.Low)}, {Num(def.High)}]"),
    };

    // -----------------------------------------------------------------------------------------------------------------
    // Statistics

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static double[] Diff(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    private static double[] RelativeFall(double[] before, double[] after) =>
        before.Zip(after, (b, a) => b > 0 ? (b - a) / b : 0).ToArray();

    /// <summary>Mean and Student t 95 % interval (zero width when every value is equal).</summary>
    public static (double Mean, double Low, double High) MeanCi(IReadOnlyList<double> values)
    {
        var m = new StreamingMoments();
        foreach (var v in values) m.Add(v);
        var ci = m.MeanConfidenceInterval();
        return (m.Mean, ci.Lower, ci.Upper);
    }

    /// <summary>Quantile p (Hyndman-Fan type 7) of sorted values with the distribution-free order-statistic 95 % interval.</summary>
    public static (double Value, double Low, double High) Quantile(double[] sorted, double p)
    {
        int n = sorted.Length;
        double q = Percentile.OfSorted(sorted, p);
        double half = 1.959964 * Math.Sqrt(n * p * (1 - p));
        int lo = Math.Clamp((int)Math.Floor(n * p - half) - 1, 0, n - 1);
        int hi = Math.Clamp((int)Math.Ceiling(n * p + half) - 1, 0, n - 1);
        return (q, sorted[lo], sorted[hi]);
    }

    /// <summary>Chi-square 95 % interval of a standard deviation from n values.</summary>
    public static (double Low, double High) SdCi(int n, double sd)
    {
        if (n < 2) return (double.NaN, double.NaN);
        double ss = (n - 1) * sd * sd;
        return (Math.Sqrt(ss / ChiSquared.InvCDF(n - 1, 0.975)), Math.Sqrt(ss / ChiSquared.InvCDF(n - 1, 0.025)));
    }
}
