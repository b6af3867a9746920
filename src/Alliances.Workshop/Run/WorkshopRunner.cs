using System.Diagnostics;
using System.Globalization;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using Alliances.Workshop.Api;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Run;

/// <summary>What a run produced: the comparison aggregates plus the per-replication cohesion and equity (the dots).</summary>
internal sealed class RunData
{
    public const string DesignName = "design", ReferenceName = "reference";

    public required ComparisonResults Results { get; init; }
    public required RunRequest Request { get; init; }
    /// <summary>[design, reference] × replication.</summary>
    public required double[][] Cohesion { get; init; }
    public required double[][] Equity { get; init; }

    public Levers Design => Request.Design.Levers;
    public Levers Reference => Request.Reference.Levers;
    public Lang Lang => Request.Lang;

    public PairedRow Diff(string metric) => Results.PairedOf(DesignName, ReferenceName, metric);
    public SummaryRow OfDesign(string metric) => Results.SummaryOf(DesignName, metric);
    public SummaryRow OfReference(string metric) => Results.SummaryOf(ReferenceName, metric);
}

/// <summary>
/// Runs one workshop comparison: the chosen design against the reference design on R paired replications of the
/// scenario (common random numbers: both designs see the same drawn region, parameters and shocks on replication r),
/// the full 72-month edition, on <see cref="WorkshopOptions.Threads"/> threads. Work is bounded by the replication cap
/// and the cancellation token (request aborted or run timeout).
/// </summary>
public sealed class WorkshopRunner(PresetCatalog presets, WorkshopOptions options)
{
    public PresetCatalog Presets => presets;

    public RunResult Run(RunRequest request, CancellationToken cancellation = default)
    {
        var sw = Stopwatch.StartNew();
        var data = Simulate(request, cancellation);
        var lang = request.Lang;
        var why = WhyNotes.Build(data);
        var charts = WorkshopCharts.Build(data, Label(request.Design, lang), Label(request.Reference, lang));
        var rows = MetricTexts.Shown.Select(m => Row(data, m)).ToList();
        var exercise = request.Exercise is { } id && Exercises.Find(id) is { } ex ? ExerciseCheck.Evaluate(ex, data) : null;
        return new RunResult(
            lang == Lang.Fr ? "fr" : "en",
            Info(request.Design, lang),
            Info(request.Reference, lang),
            request.Replications,
            presets.Scenario.Edition.TotalMonths,
            presets.Scenario.Name,
            presets.Scenario.Seed.ToString(CultureInfo.InvariantCulture),
            sw.ElapsedMilliseconds,
            rows, why, charts, exercise);
    }

    internal RunData Simulate(RunRequest request, CancellationToken cancellation)
    {
        var designs = new List<NamedDesign>
        {
            new(RunData.DesignName, request.Design.Levers),
            new(RunData.ReferenceName, request.Reference.Levers),
        };
        var spec = ComparisonSpec.Create(presets.Scenario, designs, request.Replications);
        int R = request.Replications, M = spec.Layout.M;
        var cohesion = new[] { new double[R], new double[R] };
        var equity = new[] { new double[R], new double[R] };
        var results = ComparisonRunner.RunInMemory(spec, Math.Max(1, options.Threads), r =>
        {
            int i = (int)r.Replication;
            for (int d = 0; d < 2; d++)
            {
                cohesion[d][i] = r.End[d * M + MetricCatalog.CohesionIndex];
                equity[d][i] = r.End[d * M + MetricCatalog.EquityIndex];
            }
        }, cancellation);
        return new RunData { Results = results, Request = request, Cohesion = cohesion, Equity = equity };
    }

    /// <summary>Display name of a design: the preset's label, marked "modified" when levers were changed.</summary>
    internal string Label(DesignSpec d, Lang lang)
    {
        string name = d.Preset is { } p && presets.TryGet(p, out var preset) ? preset.Label.In(lang)
            : lang == Lang.Fr ? "Valeurs 2017-2023" : "2017-2023 values";
        return d.Changes.Count == 0 ? name : lang == Lang.Fr ? $"{name} modifié" : $"{name}, modified";
    }

    private DesignInfo Info(DesignSpec d, Lang lang) => new(d.Preset, Label(d, lang), d.Changes, d.Levers.SeatsExperts);

    private static MetricRow Row(RunData data, string metric)
    {
        var lang = data.Lang;
        var def = MetricTexts.Def(metric);
        int dec = MetricTexts.Decimals(def);
        var a = data.OfDesign(metric);
        var b = data.OfReference(metric);
        var p = data.Diff(metric);
        string verdict = Verdict(def.Better, p);
        return new MetricRow(
            metric,
            MetricTexts.Label(metric).In(lang),
            MetricTexts.Definition(def).In(lang),
            def.Better switch { Better.Higher => "higher", Better.Lower => "lower", _ => "neither" },
            new Stat(Fin(a.Mean), Fin(a.Ci95Low), Fin(a.Ci95High), Num.F(lang, a.Mean, dec)),
            new Stat(Fin(b.Mean), Fin(b.Ci95Low), Fin(b.Ci95High), Num.F(lang, b.Mean, dec)),
            new DiffStat(Fin(p.MeanDiff), Fin(p.Ci95Low), Fin(p.Ci95High), Fin(p.ProbABetter), verdict,
                Num.Signed(lang, p.MeanDiff, dec), Num.Interval(lang, p.Ci95Low, p.Ci95High, dec),
                def.Better == Better.Neither ? "—" : Num.Percent(lang, p.ProbABetter)));
    }

    /// <summary>better / worse (or higher / lower for metrics with no preferred direction) when the 95 % CI excludes zero;
    /// otherwise unclear.</summary>
    internal static string Verdict(Better better, PairedRow p)
    {
        int sign = p.Ci95Low > 0 ? 1 : p.Ci95High < 0 ? -1 : 0;
        if (sign == 0 || !double.IsFinite(p.MeanDiff)) return "unclear";
        return better switch
        {
            Better.Higher => sign > 0 ? "better" : "worse",
            Better.Lower => sign < 0 ? "better" : "worse",
            _ => sign > 0 ? "higher" : "lower",
        };
    }

    internal static double? Fin(double v) => double.IsFinite(v) ? v : null;
}
