using Alliances.Analysis.Discovery;
using Alliances.Charts;
using Alliances.Experiments.Uncertainty;

namespace Alliances.Reporting.Sensitivity;

/// <summary>Chart specifications of the sensitivity, robustness and discovery folders (rendered with Alliances.Charts).</summary>
public static class SensitivityCharts
{
    private static ChartOptions Options(string idPrefix, int categories, int perCategory = 1) =>
        ChartOptions.Default with
        {
            IdPrefix = idPrefix,
            Width = 760,
            Height = Math.Max(220, 110 + categories * (14 + 10 * perCategory)),
        };

    /// <summary>Tornado-style bars of one metric, most influential factor first: μ* and σ (Morris), or the first-order
    /// and total indices with their bootstrap intervals (Sobol). Null when the metric could not be analysed.</summary>
    public static Chart? For(SensitivityResult result, MetricSensitivity m)
    {
        var order = m.Ranking();
        if (order.Length == 0) return null;
        var names = order.Select(i => result.Plan.Factors[i].Name).ToArray();
        string id = "sens-" + FolderFiles.Safe(m.Metric.Name).Replace('.', '-');
        if (m.Morris is { } mo)
        {
            return new BarChart
            {
                Title = $"Morris screening: {m.Metric.Name} (design {result.Design}, r = {mo.Trajectories})",
                Categories = names,
                Series =
                [
                    new BarSeries("μ* (mean |elementary effect|)", order.Select(i => mo.MuStar[i]).ToArray()),
                    new BarSeries("σ (interactions, non-linearity)", order.Select(i => mo.Sigma[i]).ToArray()),
                ],
                ValueLabel = $"change in {m.Metric.Name} over each factor's range",
                Options = Options(id, names.Length, 2),
            };
        }
        var s = m.Sobol!;
        return new BarChart
        {
            Title = $"Sobol indices: {m.Metric.Name} (design {result.Design}, N = {s.BaseSamples})",
            Categories = names,
            Series =
            [
                new BarSeries("First order S1", order.Select(i => s.FirstOrder[i]).ToArray())
                {
                    Low = order.Select(i => s.FirstOrderInterval[i].Lower).ToArray(),
                    High = order.Select(i => s.FirstOrderInterval[i].Upper).ToArray(),
                },
                new BarSeries("Total ST", order.Select(i => s.TotalOrder[i]).ToArray())
                {
                    Low = order.Select(i => s.TotalOrderInterval[i].Lower).ToArray(),
                    High = order.Select(i => s.TotalOrderInterval[i].Upper).ToArray(),
                },
            ],
            ValueLabel = "share of the output variance (bars: 95 % bootstrap intervals)",
            Options = Options(id, names.Length, 2),
        };
    }

    /// <summary>Regret of every design on one metric: mean, 90th percentile and maximum.</summary>
    public static Chart Regret(RobustnessResult result, RobustnessMetric m)
    {
        var designs = result.Designs;
        return new BarChart
        {
            Title = $"Regret on {m.Metric.Name} over {result.Plan.RowCount} samples (0 = best design of the sample)",
            Categories = designs.ToArray(),
            Series =
            [
                new BarSeries("mean", m.Regret.Summary.Select(r => r.Mean).ToArray()),
                new BarSeries("90th percentile", m.Regret.Summary.Select(r => r.P90).ToArray()),
                new BarSeries("maximum", m.Regret.Summary.Select(r => r.Max).ToArray()),
            ],
            ValueLabel = $"regret in {m.Metric.Name} units (lower is more robust)",
            Options = Options("rob-" + FolderFiles.Safe(m.Metric.Name).Replace('.', '-'), designs.Count, 3),
        };
    }

    /// <summary>The PRIM peeling trajectory (coverage vs density), step numbers as labels, the chosen box highlighted.</summary>
    public static Chart Peeling(DiscoveryResult r)
    {
        var t = r.Prim.Trajectory;
        return new ScatterChart
        {
            Title = $"PRIM peeling: {r.Request.DesignA} worse than {r.Request.DesignB} on {r.Metric.Name}",
            Groups =
            [
                new ScatterGroup("peeling trajectory", t.Select(b => b.Coverage).ToArray(), t.Select(b => b.Density).ToArray())
                {
                    Labels = t.Select(b => (string?)b.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                },
                new ScatterGroup($"chosen box (step {r.Chosen.Step})", [r.Chosen.Coverage], [r.Chosen.Density]),
            ],
            ConnectPoints = true,
            PointRadius = 3.5,
            XLabel = "coverage (share of the cases of interest inside the box)",
            YLabel = "density (share of the box that are cases)",
            Options = ChartOptions.Default with { IdPrefix = "disc-" + FolderFiles.Safe($"{r.Request.DesignA}-vs-{r.Request.DesignB}-{r.Metric.Name}").Replace('.', '-'), Width = 720, Height = 480 },
        };
    }

    /// <summary>Restriction of each restricted dimension of a box (1 − kept share of its range), most restricted first.</summary>
    public static IReadOnlyList<DimensionLimit> Limits(PrimBox box) =>
        box.Limits.OrderByDescending(l => l.Restriction).ThenBy(l => l.Index).ToArray();
}
