using Alliances.Charts;
using Alliances.Model;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Run;

/// <summary>
/// The charts of a run, rendered server-side to inline SVG by Alliances.Charts: the cohesion–equity trade-off (one dot
/// per replication and design, mean ± 95 % CI crosses), monthly bands of mobilization and expert participation, and a
/// forest plot of the paired differences on 0–1 indicators. The design is blue, the reference orange, in every chart.
/// </summary>
internal static class WorkshopCharts
{
    public const string DesignColor = "#0072B2", ReferenceColor = "#E69F00";

    /// <summary>Indicators of the forest plot: the shown metrics on a 0–1 scale (counts are in the table only).</summary>
    public static IReadOnlyList<string> ForestMetrics { get; } =
        MetricTexts.Shown.Where(m => MetricTexts.Def(m) is { } d && d.Max - d.Min <= 2 && d.Better != Better.Neither).ToList();

    private static ChartOptions Options(string id, double width, double height) => ChartOptions.Default with
    {
        IdPrefix = id,
        Width = width,
        Height = height,
        FontSize = 13,
        Palette = [DesignColor, ReferenceColor],
    };

    public static Charts Build(RunData data, string designLabel, string referenceLabel) => new(
        TradeOff(data, designLabel, referenceLabel),
        Bands(data, "mobilization", "ws-ts-mobilization", designLabel, referenceLabel),
        Bands(data, "expert_participation", "ws-ts-experts", designLabel, referenceLabel),
        Forest(data, designLabel, referenceLabel));

    private static string T(Lang lang, string fr, string en) => lang == Lang.Fr ? Text.FrenchSpacing(fr) : en;

    private static string TradeOff(RunData data, string designLabel, string referenceLabel)
    {
        var lang = data.Lang;
        string xl = MetricTexts.Label("cohesion_index").In(lang), yl = MetricTexts.Label("equity_index").In(lang);
        var groups = new List<ScatterGroup>();
        var means = new List<string>();
        string[] names = [RunData.DesignName, RunData.ReferenceName];
        string[] labels = [designLabel, referenceLabel];
        for (int d = 0; d < 2; d++)
        {
            var sx = data.Results.SummaryOf(names[d], "cohesion_index");
            var sy = data.Results.SummaryOf(names[d], "equity_index");
            groups.Add(new ScatterGroup(labels[d], data.Cohesion[d], data.Equity[d])
            {
                Cross = new CiCross(sx.Mean, sx.Ci95Low, sx.Ci95High, sy.Mean, sy.Ci95Low, sy.Ci95High),
            });
            means.Add($"{labels[d]} ({Num.Inv(sx.Mean)}, {Num.Inv(sy.Mean)})");
        }
        int n = data.Request.Replications;
        var chart = new ScatterChart
        {
            Title = T(lang, "Compromis cohésion–équité", "Cohesion–equity trade-off"),
            Description = T(lang,
                $"Un point par réplication ({n} régions simulées) et par scénario, cohésion en abscisse, équité en ordonnée ; croix : moyenne et IC 95 % de chaque scénario. Moyennes (cohésion, équité) : {string.Join(" ; ", means)}.",
                $"One dot per replication ({n} simulated regions) and design, cohesion horizontally, equity vertically; crosses: each design's mean and 95% CI. Means (cohesion, equity): {string.Join("; ", means)}."),
            Groups = groups,
            XLabel = xl,
            YLabel = yl,
            PointRadius = 3.4,
            PointOpacity = 0.5,
            CrossLegendLabel = T(lang, "Moyenne ± IC 95 %", "Mean ± 95% CI"),
            Options = Options("ws-tradeoff", 640, 460),
        };
        return chart.ToSvg();
    }

    private static string Bands(RunData data, string metric, string id, string designLabel, string referenceLabel)
    {
        var lang = data.Lang;
        var rows = data.Results.Series().Where(r => r.Metric == metric).ToList();
        var series = new List<LineBandSeries>();
        foreach (var (name, seriesLabel) in new[] { (RunData.DesignName, designLabel), (RunData.ReferenceName, referenceLabel) })
        {
            var s = rows.Where(r => r.Design == name).OrderBy(r => r.Month).ToList();
            series.Add(new LineBandSeries(seriesLabel, s.Select(r => (double)r.Month).ToArray(), s.Select(r => r.P50).ToArray())
            {
                InnerLow = s.Select(r => r.P25).ToArray(),
                InnerHigh = s.Select(r => r.P75).ToArray(),
                OuterLow = s.Select(r => r.P05).ToArray(),
                OuterHigh = s.Select(r => r.P95).ToArray(),
            });
        }
        string label = MetricTexts.Label(metric).In(lang);
        var chart = new LineBandChart
        {
            Title = label,
            Description = T(lang,
                $"« {label} » mois par mois pendant {series[0].X.Count} mois : ligne = médiane des réplications, bande foncée = 50 % central, bande claire = 90 % central ; {designLabel} et {referenceLabel}.",
                $"“{label}” month by month over {series[0].X.Count} months: line = median across replications, dark band = middle 50%, light band = middle 90%; {designLabel} and {referenceLabel}."),
            Series = series,
            XLabel = T(lang, "Mois depuis avril 2018", "Months since April 2018"),
            InnerBandLabel = T(lang, "50 % central", "Middle 50%"),
            OuterBandLabel = T(lang, "90 % central", "Middle 90%"),
            XRange = new AxisRange(0, Math.Max(1, series[0].X.Count)),
            YRange = new AxisRange(0, 1),
            Options = Options(id, 520, 340),
        };
        return chart.ToSvg();
    }

    private static string Forest(RunData data, string designLabel, string referenceLabel)
    {
        var lang = data.Lang;
        var rows = new List<ForestRow>();
        foreach (string m in ForestMetrics)
        {
            var p = data.Diff(m);
            var def = MetricTexts.Def(m);
            string label = MetricTexts.Label(m).In(lang) + (def.Better == Better.Lower ? " ↓" : "");
            rows.Add(new ForestRow(label, p.MeanDiff, p.Ci95Low, p.Ci95High));
        }
        var chart = new ForestPlot
        {
            Title = T(lang, $"Écarts appariés : {designLabel} − {referenceLabel}", $"Paired differences: {designLabel} − {referenceLabel}"),
            Description = T(lang,
                $"Diagramme en forêt : écart moyen apparié (carré) et IC 95 % (trait) pour {rows.Count} indicateurs de 0 à 1 ; ligne pointillée à zéro. Pour les indicateurs marqués ↓, plus bas est mieux. "
                    + string.Join(" ; ", rows.Select(r => $"{r.Label} {Num.Inv(r.Estimate)} [{Num.Inv(r.Low)}, {Num.Inv(r.High)}]")) + ".",
                $"Forest plot: mean paired difference (square) and 95% CI (line) for {rows.Count} indicators on a 0–1 scale; dashed line at zero. For indicators marked ↓, lower is better. "
                    + string.Join("; ", rows.Select(r => $"{r.Label} {Num.Inv(r.Estimate)} [{Num.Inv(r.Low)}, {Num.Inv(r.High)}]")) + "."),
            Rows = rows,
            XLabel = T(lang, "Écart moyen (scénario − référence), IC 95 %", "Mean difference (design − reference), 95% CI"),
            ValueColumnHeader = T(lang, "Écart [IC 95 %]", "Difference [95% CI]"),
            ValueDecimals = 3,
            MarkerColor = DesignColor,
            Options = Options("ws-forest", 900, 110 + rows.Count * 27),
        };
        return chart.ToSvg();
    }
}
