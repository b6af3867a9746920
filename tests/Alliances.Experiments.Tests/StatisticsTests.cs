using Alliances.Analysis.Statistics;
using Alliances.Experiments.Comparison;
using Alliances.Model;
using Alliances.Rng;

namespace Alliances.Experiments.Tests;

/// <summary>The comparison's summary code fed with draws from known distributions.</summary>
public class StatisticsTests
{
    private static MetricDef Metric(string name) => MetricCatalog.All.First(m => m.Name == name);

    /// <summary>A layout of D designs over the given metrics, one month, no territory.</summary>
    private static ComparisonLayout Layout(int designs, params MetricDef[] metrics) =>
        new(Enumerable.Range(0, designs).Select(d => $"d{d}").ToArray(), metrics, 1, [], []);

    private static ReplicationResult Result(ComparisonLayout l, long r, double[] end)
    {
        var series = new float[l.D * l.SeriesPerDesign];
        for (int d = 0; d < l.D; d++)
            for (int m = 0; m < l.M; m++)
                series[l.SeriesIndex(d, 0, m)] = (float)end[d * l.M + m];
        return new ReplicationResult(r, (ulong)r, end, series, []);
    }

    /// <summary>
    /// Coverage of the 95% t intervals (means, and paired differences) over 2000 independent experiments of n = 20
    /// replications each. Design 0 draws Beta(2, 5) (mean 2/7, skewed); design 1 = design 0 + 0.1 + N(0, 0.05²) noise,
    /// so the true mean difference d0 − d1 is −0.1. Expected coverage 0.95; the binomial sd over 2000 trials is 0.0049,
    /// so the accepted band [0.93, 0.97] is about ±4 sd (the t interval on skewed data at n = 20 undercovers slightly).
    /// </summary>
    [Fact]
    public void Ninety_five_percent_intervals_cover_the_true_mean_about_95_percent_of_the_time()
    {
        const int experiments = 2000, n = 20;
        var metric = Metric("cohesion_index"); // declared range [0, 1], higher is better
        var layout = Layout(2, metric);
        int meanCovered = 0, diffCovered = 0;
        for (int e = 0; e < experiments; e++)
        {
            var rng = Streams.Create(12345, e, Purpose.Sampling);
            var agg = new ComparisonAggregator(layout);
            for (int r = 0; r < n; r++)
            {
                double x = rng.Beta(2, 5);
                double y = Math.Clamp(x + 0.1 + 0.05 * rng.NextGaussian(), 0, 1);
                agg.Add(Result(layout, r, [x, y]));
            }
            var s = agg.Summary().First(row => row.Design == "d0");
            if (s.Ci95Low <= 2.0 / 7 && 2.0 / 7 <= s.Ci95High) meanCovered++;
            var p = agg.Paired().Single();
            // The clamp at 1 never binds for x ≤ 0.8 + noise in practice; the true difference is −0.1 (up to clamping).
            if (p.Ci95Low <= -0.1 && -0.1 <= p.Ci95High) diffCovered++;
        }
        double meanCoverage = (double)meanCovered / experiments, diffCoverage = (double)diffCovered / experiments;
        Assert.InRange(meanCoverage, 0.93, 0.97);
        Assert.InRange(diffCoverage, 0.93, 0.97);
    }

    [Fact]
    public void Summary_matches_direct_computation_and_quantiles_are_within_one_bin()
    {
        var metric = Metric("effectiveness"); // declared range [0, 50]
        var layout = Layout(1, metric);
        var agg = new ComparisonAggregator(layout);
        var rng = Streams.Create(99, 0, Purpose.Sampling);
        var values = new double[500];
        for (int r = 0; r < values.Length; r++)
        {
            values[r] = 50 * rng.Beta(2, 8);
            agg.Add(Result(layout, r, [values[r]]));
        }
        var s = agg.Summary().Single();
        Assert.Equal(500, s.N);
        Assert.Equal(values.Average(), s.Mean, 12);
        var ci = StreamingMoments.MeanConfidenceInterval(values);
        Assert.Equal(ci.Lower, s.Ci95Low, 12);
        Assert.Equal(ci.Upper, s.Ci95High, 12);
        var sorted = values.Order().ToArray();
        double bin = 50.0 / ComparisonAggregator.EndBins;
        // The sketch's guarantee: within one bin width of the order statistic x_(ceil(pn)).
        foreach (var (p, est) in new[] { (0.05, s.P05), (0.50, s.P50), (0.95, s.P95) })
            Assert.InRange(est, sorted[(int)Math.Ceiling(p * 500) - 1] - bin, sorted[(int)Math.Ceiling(p * 500) - 1] + bin);
    }

    [Fact]
    public void Prob_a_better_follows_the_declared_direction_and_counts_ties_half()
    {
        var higher = Metric("cohesion_index");
        var lower = Metric("territorial_gini");
        var neither = Metric("projects_funded");
        var layout = Layout(2, higher, lower, neither);
        var agg = new ComparisonAggregator(layout);
        // Replication values: d0 then d1, metrics in layout order.
        agg.Add(Result(layout, 0, [0.6, 0.2, 10, /* d1 */ 0.5, 0.3, 20]));  // d0 better (higher), better (lower), smaller
        agg.Add(Result(layout, 1, [0.5, 0.3, 20, /* d1 */ 0.5, 0.3, 20]));  // all ties
        agg.Add(Result(layout, 2, [0.4, 0.4, 30, /* d1 */ 0.5, 0.3, 20]));  // d0 worse, worse, larger
        agg.Add(Result(layout, 3, [0.9, 0.1, 40, /* d1 */ 0.5, 0.3, 20]));  // d0 better, better, larger
        var paired = agg.Paired().ToDictionary(p => p.Metric.Name);
        Assert.Equal((1 + 0.5 + 0 + 1) / 4, paired["cohesion_index"].ProbABetter);
        Assert.Equal((1 + 0.5 + 0 + 1) / 4, paired["territorial_gini"].ProbABetter);
        Assert.Equal((0 + 0.5 + 1 + 1) / 4, paired["projects_funded"].ProbABetter); // Neither: share of a > b
        Assert.Equal((0.1 + 0 - 0.1 + 0.4) / 4, paired["cohesion_index"].MeanDiff, 12);

        var ranks = agg.Ranks().ToArray();
        double Share(string d, string m, int rank) => ranks.Single(r => r.Design == d && r.Metric.Name == m && r.Rank == rank).Share;
        Assert.Equal((1 + 0.5 + 0 + 1) / 4, Share("d0", "territorial_gini", 1));
        Assert.Equal((0 + 0.5 + 1 + 0) / 4, Share("d0", "territorial_gini", 2));
        // Shares sum to 1 per design and per rank.
        foreach (var g in ranks.GroupBy(r => (r.Design, r.Metric.Name))) Assert.Equal(1, g.Sum(r => r.Share), 12);
        foreach (var g in ranks.GroupBy(r => (r.Rank, r.Metric.Name))) Assert.Equal(1, g.Sum(r => r.Share), 12);
    }

    [Fact]
    public void Three_way_ties_split_ranks_exactly()
    {
        var m = Metric("cohesion_index");
        var layout = Layout(3, m);
        var agg = new ComparisonAggregator(layout);
        agg.Add(Result(layout, 0, [0.5, 0.5, 0.5]));
        agg.Add(Result(layout, 1, [0.7, 0.5, 0.5]));
        var ranks = agg.Ranks().ToArray();
        double Share(string d, int rank) => ranks.Single(r => r.Design == d && r.Rank == rank).Share;
        Assert.Equal((1.0 / 3 + 1) / 2, Share("d0", 1), 15);
        Assert.Equal((1.0 / 3 + 0.5) / 2, Share("d1", 2), 15);
        Assert.Equal((1.0 / 3 + 0.5) / 2, Share("d2", 3), 15);
    }
}
