using System.Globalization;
using System.Text;
using Alliances.Charts;
using Alliances.Model;

namespace Alliances.Reporting.Html;

/// <summary>One chart of the report: file-safe id (also the SVG id prefix), the rendered SVG and its caption.</summary>
internal sealed record ReportFigure(string Id, string Title, string Svg, string Caption);

/// <summary>
/// Builds the report's chart specifications from a results folder. Texts come from <see cref="ReportTexts"/>;
/// every number written into a chart (including alt text) uses the invariant culture.
/// </summary>
internal sealed class ReportCharts(ResultsFolder data, ReportTexts t)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Metrics whose distribution is charted, in catalog order: every core metric present with a direction.</summary>
    public IReadOnlyList<MetricInfo> DistributionMetrics =>
        data.Metrics.Where(m => m.Core && data.RunValues.Values.Any(v => v.ContainsKey(m.Name))).ToList();

    /// <summary>Region metrics drawn over the edition.</summary>
    public static readonly string[] TimeMetrics = ["mobilization", "priority_alignment", "territorial_gini", "expert_participation"];

    /// <summary>Widths close to the rendered widths on a desktop page (full column, half column), so text keeps its size.</summary>
    private const double LargeWidth = 1000, SmallWidth = 500, SmallHeight = 330;

    private static ChartOptions Options(string id, double width, double height) =>
        ChartOptions.Default with { IdPrefix = id, Width = width, Height = height, FontSize = 13 };

    private static string Inv2(double v) => double.IsFinite(v) ? v.ToString("0.###", Inv) : "n/a";

    // ------------------------------------------------------------------------------------------ distributions

    public ReportFigure Distribution(MetricInfo m, bool large)
    {
        string id = "dist-" + SafeId(m.Name);
        string label = t.MetricLabel(m.Name);
        var cats = new List<DistributionCategory>();
        var meanText = new List<string>();
        foreach (string d in data.Designs)
        {
            double[] samples = data.RunValues.TryGetValue(d, out var byMetric) && byMetric.TryGetValue(m.Name, out var v) ? v : [];
            var s = data.SummaryOf(d, m.Name);
            cats.Add(new DistributionCategory(t.Design(d), samples)
            {
                Mean = s?.Mean is double mean && double.IsFinite(mean) ? mean : null,
                CiLow = s is not null && double.IsFinite(s.CiLow) ? s.CiLow : null,
                CiHigh = s is not null && double.IsFinite(s.CiHigh) ? s.CiHigh : null,
            });
            if (s is not null)
            {
                meanText.Add($"{t.Design(d)} {Inv2(s.Mean)} [{Inv2(s.CiLow)}, {Inv2(s.CiHigh)}]");
            }
        }

        string desc = t.T(
            $"Distribution de « {label} » par scénario sur {data.ReplicationCount} réplications : violons (densité), boîtes (médiane, p25–p75, moustaches p05–p95) et losanges (moyenne avec IC 95\u00A0%). {t.Direction(m.Better)}. Moyennes [IC 95\u00A0%] : {string.Join(" ; ", meanText)}.",
            $"Distribution of “{label}” by design over {data.ReplicationCount} replications: violins (density), boxes (median, p25–p75, p05–p95 whiskers) and diamonds (mean with 95% CI). {t.Direction(m.Better)}. Means [95% CI]: {string.Join("; ", meanText)}.");
        var chart = new DistributionChart
        {
            Title = label,
            Description = desc,
            Categories = cats,
            YLabel = large ? label : "",
            ShowViolin = true,
            BoxLegendLabel = t.T("Médiane, boîte p25–p75, moustaches p05–p95", "Median, p25–p75 box, p05–p95 whiskers"),
            MeanLegendLabel = t.T("Moyenne (IC 95\u00A0%)", "Mean (95% CI)"),
            Options = Options(id, large ? LargeWidth : SmallWidth, large ? 420 : SmallHeight),
        };
        string caption = large
            ? t.T(
                $"{label} — {t.MetricDefinition(m)} ({t.Direction(m.Better)}). Une réplication = une région simulée ; la boîte couvre la moitié centrale des réplications, le losange noir est la moyenne avec son intervalle de confiance à 95\u00A0%.",
                $"{label} — {t.MetricDefinition(m)} ({t.Direction(m.Better)}). One replication = one simulated region; the box spans the middle half of replications, the black diamond is the mean with its 95% confidence interval.")
            : $"{label} — {t.MetricDefinition(m)} ({t.Direction(m.Better)}).";
        return new ReportFigure(id, label, chart.ToSvg(), caption);
    }

    // ------------------------------------------------------------------------------------------ trade-off

    public ReportFigure? TradeOff()
    {
        const string X = "cohesion_index", Y = "equity_index";
        if (!data.RunValues.Values.Any(v => v.ContainsKey(X) && v.ContainsKey(Y)))
        {
            return null;
        }

        string id = "tradeoff";
        string xl = t.MetricLabel(X), yl = t.MetricLabel(Y);
        var groups = new List<ScatterGroup>();
        var means = new List<string>();
        int points = 0;
        foreach (string d in data.Designs)
        {
            double[] xs = [], ys = [];
            if (data.RunValues.TryGetValue(d, out var byMetric) && byMetric.TryGetValue(X, out var xv) && byMetric.TryGetValue(Y, out var yv))
            {
                int n = Math.Min(xv.Length, yv.Length);
                xs = xv[..n];
                ys = yv[..n];
            }

            points += xs.Length;
            var sx = data.SummaryOf(d, X);
            var sy = data.SummaryOf(d, Y);
            CiCross? cross = sx is not null && sy is not null && double.IsFinite(sx.Mean) && double.IsFinite(sy.Mean)
                ? new CiCross(sx.Mean, sx.CiLow, sx.CiHigh, sy.Mean, sy.CiLow, sy.CiHigh)
                : null;
            if (cross is not null)
            {
                means.Add($"{t.Design(d)} ({Inv2(sx!.Mean)}, {Inv2(sy!.Mean)})");
            }

            groups.Add(new ScatterGroup(t.Design(d), xs, ys) { Cross = cross });
        }

        string title = t.T("Compromis cohésion–équité", "Cohesion–equity trade-off");
        string desc = t.T(
            $"Nuage de points : un point par réplication et par scénario ({points} points), {xl} en abscisse et {yl} en ordonnée ; les croix montrent la moyenne de chaque scénario avec ses IC 95\u00A0% sur les deux axes. Moyennes (cohésion, équité) : {string.Join(" ; ", means)}.",
            $"Scatter plot: one dot per replication and design ({points} dots), {xl} horizontally and {yl} vertically; crosses show each design's mean with 95% CIs on both axes. Means (cohesion, equity): {string.Join("; ", means)}.");
        var chart = new ScatterChart
        {
            Title = title,
            Description = desc,
            Groups = groups,
            XLabel = xl,
            YLabel = yl,
            XRange = Padded(groups.SelectMany(g => g.X.Concat(g.Cross is { } c ? [c.XLow, c.XHigh] : Array.Empty<double>()))),
            YRange = Padded(groups.SelectMany(g => g.Y.Concat(g.Cross is { } c ? [c.YLow, c.YHigh] : Array.Empty<double>()))),
            PointRadius = points > 1500 ? 1.8 : 2.6,
            PointOpacity = points > 600 ? 0.3 : 0.45,
            CrossLegendLabel = t.T("Moyenne ± IC 95\u00A0%", "Mean ± 95% CI"),
            Options = Options(id, LargeWidth, 560),
        };
        string caption = t.T(
            "Chaque point est une réplication (une région simulée) sous un scénario ; les croix indiquent la moyenne du scénario et son intervalle de confiance à 95\u00A0% sur chaque axe. En haut à droite : plus cohésif et plus équitable.",
            "Each dot is one replication (one simulated region) under one design; crosses mark the design mean and its 95% confidence interval on each axis. Top right: more cohesive and more equitable.");
        return new ReportFigure(id, title, chart.ToSvg(), caption);
    }

    /// <summary>The data range widened by 4 % on each side, so that dots on the edge are not cut by the plot area.</summary>
    private static AxisRange? Padded(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return null;
        }

        double lo = finite.Min(), hi = finite.Max();
        double pad = hi > lo ? 0.04 * (hi - lo) : Math.Max(Math.Abs(lo) * 0.05, 0.01);
        return new AxisRange(lo - pad, hi + pad);
    }

    // ------------------------------------------------------------------------------------------ time bands

    public ReportFigure? TimeBands(string metric)
    {
        var series = new List<LineBandSeries>();
        foreach (string d in data.Designs)
        {
            if (!data.Series.TryGetValue((d, metric), out var rows) || rows.Count == 0)
            {
                continue;
            }

            series.Add(new LineBandSeries(t.Design(d), rows.Select(r => (double)r.Month).ToArray(), rows.Select(r => r.P50).ToArray())
            {
                InnerLow = rows.Select(r => r.P25).ToArray(),
                InnerHigh = rows.Select(r => r.P75).ToArray(),
                OuterLow = rows.Select(r => r.P05).ToArray(),
                OuterHigh = rows.Select(r => r.P95).ToArray(),
            });
        }

        if (series.Count == 0)
        {
            return null;
        }

        string id = "ts-" + SafeId(metric);
        string label = t.MetricLabel(metric);
        var info = data.Metric(metric);
        string direction = info is null ? "" : $" {t.Direction(info.Better)}.";
        int months = series.Max(s => s.X.Count);
        string title = label;
        string desc = t.T(
            $"Courbes mensuelles de « {label} » sur {months} mois, une par scénario ({string.Join(", ", series.Select(s => s.Name))}) : ligne = médiane des réplications, bande foncée = 50 % central (p25–p75), bande claire = 90 % central (p05–p95).{direction}",
            $"Monthly curves of “{label}” over {months} months, one per design ({string.Join(", ", series.Select(s => s.Name))}): line = median across replications, dark band = middle 50% (p25–p75), light band = middle 90% (p05–p95).{direction}");
        var chart = new LineBandChart
        {
            Title = title,
            Description = desc,
            Series = series,
            XLabel = t.T("Mois de l'édition", "Month of the edition"),
            InnerBandLabel = t.T("50 % central (p25–p75)", "Middle 50% (p25–p75)"),
            OuterBandLabel = t.T("90 % central (p05–p95)", "Middle 90% (p05–p95)"),
            Options = Options(id, SmallWidth, SmallHeight + 20),
        };
        string caption = t.T(
            $"{label} mois par mois : la ligne est la médiane des réplications, les bandes contiennent 50 % et 90 % des réplications.{(info is null ? "" : " " + t.MetricDefinition(info) + ".")}",
            $"{label} month by month: the line is the median across replications, the bands hold 50% and 90% of replications.{(info is null ? "" : " " + t.MetricDefinition(info) + ".")}");
        return new ReportFigure(id, title, chart.ToSvg(), caption);
    }

    // ------------------------------------------------------------------------------------------ heatmap

    /// <summary>The design whose territory heatmap is drawn: the requested one, else "balanced", else the first.</summary>
    public string HeatmapDesign(string? requested) =>
        requested ?? (data.Designs.Contains("balanced") ? "balanced" : data.Designs.FirstOrDefault() ?? "");

    public ReportFigure? Heatmap(string design)
    {
        const string Metric = "progress";
        var rows = data.TerritoryRows.Where(r => r.Design == design && r.Metric == Metric).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var territories = rows.Select(r => r.Territory).Distinct().ToList();
        var months = rows.Select(r => r.Month).Distinct().Order().ToList();
        var cell = rows.GroupBy(r => (r.Territory, r.Month)).ToDictionary(g => g.Key, g => g.First().P50);
        var values = territories
            .Select(tr => (IReadOnlyList<double>)months.Select(mo => cell.TryGetValue((tr, mo), out double v) ? v : double.NaN).ToArray())
            .ToList();

        string id = "heatmap-progress";
        string dn = t.Design(design);
        string title = t.T($"Progrès par territoire et par mois — scénario {dn}", $"Progress by territory and month — {dn} design");
        var finite = values.SelectMany(v => v).Where(double.IsFinite).ToList();
        string range = finite.Count == 0 ? "" : $" [{Inv2(finite.Min())}, {Inv2(finite.Max())}]";
        string desc = t.T(
            $"Carte de chaleur : {territories.Count} territoires (lignes) × {months.Count} mois (colonnes) ; la couleur donne la médiane du progrès sur les réplications{range}, du violet (faible) au jaune (élevé).",
            $"Heatmap: {territories.Count} territories (rows) × {months.Count} months (columns); colour gives the median progress across replications{range}, from purple (low) to yellow (high).");
        var chart = new HeatmapChart
        {
            Title = title,
            Description = desc,
            RowLabels = territories,
            ColumnLabels = months.Select(m => m.ToString(Inv)).ToList(),
            Values = values,
            XLabel = t.T("Mois de l'édition", "Month of the edition"),
            YLabel = t.T("Territoire", "Territory"),
            ColorLabel = t.T("Progrès (médiane)", "Progress (median)"),
            Options = Options(id, LargeWidth, Math.Clamp(150 + territories.Count * 26, 280, 1200)),
        };
        string caption = t.T(
            $"Progrès médian de chaque territoire au fil des mois sous le scénario {dn} (médiane des réplications). Un territoire qui reste foncé progresse peu ; des lignes très différentes signalent des écarts entre territoires.",
            $"Median progress of each territory month by month under the {dn} design (median across replications). A territory that stays dark progresses little; very different rows signal gaps between territories.");
        return new ReportFigure(id, title, chart.ToSvg(), caption);
    }

    // ------------------------------------------------------------------------------------------ forest plots

    /// <summary>Unordered design pairs in design order, each with the orientation found in paired.csv.</summary>
    public IReadOnlyList<(string A, string B)> Pairs()
    {
        var pairs = new List<(string, string)>();
        var order = data.Designs.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        foreach (var r in data.PairedRows)
        {
            if (r.DesignA == r.DesignB || pairs.Contains((r.DesignA, r.DesignB)) || pairs.Contains((r.DesignB, r.DesignA)))
            {
                continue;
            }

            // Prefer the orientation with A before B in design order when both are present.
            bool forward = !order.TryGetValue(r.DesignA, out int ia) || !order.TryGetValue(r.DesignB, out int ib) || ia < ib
                           || !data.PairedRows.Any(x => x.DesignA == r.DesignB && x.DesignB == r.DesignA);
            pairs.Add(forward ? (r.DesignA, r.DesignB) : (r.DesignB, r.DesignA));
        }

        return pairs
            .OrderBy(p => order.GetValueOrDefault(p.Item1, int.MaxValue))
            .ThenBy(p => order.GetValueOrDefault(p.Item2, int.MaxValue))
            .ToList();
    }

    public PairedRow? PairedOf(string a, string b, string metric) =>
        data.PairedRows.FirstOrDefault(r => r.DesignA == a && r.DesignB == b && r.Metric == metric);

    /// <summary>Core metrics with a direction, on a unit-like scale (one shared axis per pair).</summary>
    private IEnumerable<MetricInfo> ForestUnitMetrics =>
        data.Metrics.Where(m => m.Core && m.Better != Better.Neither && m.UnitScale);

    /// <summary>Core metrics with a direction on their own scale (e.g. effectiveness): one forest plot each, rows = pairs.</summary>
    private IEnumerable<MetricInfo> ForestScaledMetrics =>
        data.Metrics.Where(m => m.Core && m.Better != Better.Neither && !m.UnitScale);

    public IReadOnlyList<ReportFigure> Forests()
    {
        var figures = new List<ReportFigure>();
        var used = new HashSet<string>();
        foreach (var (a, b) in Pairs())
        {
            var rows = new List<ForestRow>();
            foreach (var m in ForestUnitMetrics)
            {
                if (PairedOf(a, b, m.Name) is { } p)
                {
                    rows.Add(new ForestRow(t.MetricLabel(m.Name) + (m.Better == Better.Lower ? " (↓)" : ""), p.MeanDiff, p.CiLow, p.CiHigh));
                }
            }

            if (rows.Count == 0)
            {
                continue;
            }

            string id = Unique("forest-" + SafeId(a) + "-vs-" + SafeId(b), used);
            string da = t.Design(a), db = t.Design(b);
            string title = t.T($"Écarts appariés : {da} − {db}", $"Paired differences: {da} − {db}");
            string desc = t.T(
                $"Diagramme en forêt : pour {rows.Count} indicateurs, écart moyen apparié {da} moins {db} (carré) et son IC 95\u00A0% (trait) ; ligne pointillée à zéro. À droite de zéro, {da} obtient une valeur plus élevée. " +
                string.Join(" ; ", rows.Select(r => $"{r.Label} {Inv2(r.Estimate)} [{Inv2(r.Low)}, {Inv2(r.High)}]")) + ".",
                $"Forest plot: for {rows.Count} indicators, mean paired difference {da} minus {db} (square) and its 95% CI (line); dashed line at zero. Right of zero, {da} has the higher value. " +
                string.Join("; ", rows.Select(r => $"{r.Label} {Inv2(r.Estimate)} [{Inv2(r.Low)}, {Inv2(r.High)}]")) + ".");
            var chart = new ForestPlot
            {
                Title = title,
                Description = desc,
                Rows = rows,
                XLabel = t.T($"Écart moyen apparié ({da} − {db})", $"Mean paired difference ({da} − {db})"),
                ValueColumnHeader = t.T("Écart [IC 95\u00A0%]", "Difference [95% CI]"),
                ValueDecimals = 3,
                Options = Options(id, LargeWidth, 110 + rows.Count * 28),
            };
            string caption = t.T(
                $"Différence moyenne entre {da} et {db} sur les mêmes réplications (nombres aléatoires communs), avec son intervalle de confiance à 95\u00A0%. Un intervalle qui ne touche pas la ligne zéro indique un écart net. Pour les indicateurs marqués ↓, une valeur plus basse est meilleure : un écart négatif y favorise {da}.",
                $"Mean difference between {da} and {db} on the same replications (common random numbers), with its 95% confidence interval. An interval that does not touch the zero line shows a clear difference. For indicators marked ↓, lower is better: a negative difference favours {da}.");
            figures.Add(new ReportFigure(id, title, chart.ToSvg(), caption));
        }

        foreach (var m in ForestScaledMetrics)
        {
            var rows = new List<ForestRow>();
            foreach (var (a, b) in Pairs())
            {
                if (PairedOf(a, b, m.Name) is { } p)
                {
                    rows.Add(new ForestRow($"{t.Design(a)} − {t.Design(b)}", p.MeanDiff, p.CiLow, p.CiHigh));
                }
            }

            if (rows.Count == 0)
            {
                continue;
            }

            string id = Unique("forest-" + SafeId(m.Name), used);
            string label = t.MetricLabel(m.Name);
            string title = t.T($"Écarts appariés : {label}", $"Paired differences: {label}");
            string desc = t.T(
                $"Diagramme en forêt : écart moyen apparié de « {label} » pour {rows.Count} paires de scénarios, avec IC 95\u00A0% ; ligne pointillée à zéro. " +
                string.Join(" ; ", rows.Select(r => $"{r.Label} {Inv2(r.Estimate)} [{Inv2(r.Low)}, {Inv2(r.High)}]")) + ".",
                $"Forest plot: mean paired difference of “{label}” for {rows.Count} design pairs, with 95% CI; dashed line at zero. " +
                string.Join("; ", rows.Select(r => $"{r.Label} {Inv2(r.Estimate)} [{Inv2(r.Low)}, {Inv2(r.High)}]")) + ".");
            var chart = new ForestPlot
            {
                Title = title,
                Description = desc,
                Rows = rows,
                XLabel = t.T("Écart moyen apparié (premier − second)", "Mean paired difference (first − second)"),
                ValueColumnHeader = t.T("Écart [IC 95\u00A0%]", "Difference [95% CI]"),
                ValueDecimals = 2,
                Options = Options(id, LargeWidth, 110 + rows.Count * 28),
            };
            string caption = t.T(
                $"{label} : écart moyen apparié entre scénarios, avec IC 95\u00A0% (échelle propre à cet indicateur, d'où un graphique séparé). {t.Direction(m.Better)}.",
                $"{label}: mean paired difference between designs, with 95% CI (this indicator has its own scale, hence a separate chart). {t.Direction(m.Better)}.");
            figures.Add(new ReportFigure(id, title, chart.ToSvg(), caption));
        }

        return figures;
    }

    // ------------------------------------------------------------------------------------------ ids

    /// <summary>Letters, digits, '_' and '-' only, starting with a letter (valid as SVG id prefix and file name).</summary>
    public static string SafeId(string s)
    {
        var sb = new StringBuilder();
        foreach (char ch in s.Normalize(NormalizationForm.FormD))
        {
            if (ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-')
            {
                sb.Append(ch);
            }
            else if (char.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append('_');
            }
        }

        string r = sb.ToString().Trim('_');
        return r.Length == 0 || !char.IsAsciiLetter(r[0]) ? "x" + r : r;
    }

    private static string Unique(string id, HashSet<string> used)
    {
        string candidate = id;
        for (int k = 2; !used.Add(candidate); k++)
        {
            candidate = $"{id}-{k.ToString(Inv)}";
        }

        return candidate;
    }
}
