using Alliances.Analysis.Robustness;

namespace Alliances.Analysis.Tests;

public class RobustnessTests
{
    // outcomes[design][sample]; design 0 is the best in every sample when higher is better
    private static readonly double[][] Outcomes =
    [
        [10, 8, 9, 12, 7],
        [9, 8, 5, 11, 1],
        [1, 2, 3, 4, 5],
    ];

    [Fact]
    public void Regret_IsExactlyZero_ForADesignBestInEverySample()
    {
        var r = Regret.Compute(Outcomes, Direction.HigherIsBetter);
        Assert.Equal(new RegretSummary(0, 0, 0), r.Summary[0]);
        Assert.All(r.Values[0], v => Assert.Equal(0.0, v));
        Assert.Equal([1, 0, 4, 1, 6], r.Values[1]);
        Assert.Equal(12.0 / 5, r.Summary[1].Mean, 12);
        Assert.Equal(6.0, r.Summary[1].Max);
        Assert.Equal(5.2, r.Summary[1].P90, 12); // type 7: sorted 0 1 1 4 6, h = 3.6 → 4 + 0.6·2
        Assert.All(r.Values.SelectMany(v => v), v => Assert.True(v >= 0));
    }

    [Fact]
    public void Regret_LowerIsBetter_MeasuresFromTheMinimum()
    {
        var r = Regret.Compute(Outcomes, Direction.LowerIsBetter);
        Assert.Equal([0, 0, 0, 0, 4], r.Values[2]);
        Assert.Equal([9, 6, 6, 8, 6], r.Values[0]);
        Assert.Equal([8, 6, 2, 7, 0], r.Values[1]);
    }

    [Fact]
    public void Satisficing_CountsSamplesMeetingEveryRequirement()
    {
        // metric 0 = Outcomes (≥ 5 wanted), metric 1 = cost (≤ 3 wanted)
        double[][] cost =
        [
            [1, 2, 3, 4, 5],
            [0, 0, 0, 0, 0],
            [3, 3, 3, 3, 3],
        ];
        var res = Satisficing.Evaluate([Outcomes, cost], [Requirement.AtLeast(0, 5), Requirement.AtMost(1, 3)]);
        Assert.Equal(new SatisficingResult(3, 5), res[0]); // samples 0, 1, 2 (sample 3 cost 4, sample 4 cost 5)
        Assert.Equal(new SatisficingResult(4, 5), res[1]); // sample 4 has outcome 1
        Assert.Equal(new SatisficingResult(1, 5), res[2]); // only sample 4 has outcome ≥ 5
        Assert.Equal(0.6, res[0].Share, 12);

        // single design, [sample][metric] layout, thresholds are inclusive
        double[][] samples = [[5, 3], [4.99, 0], [6, 3.01], [5, -1]];
        Assert.Equal(new SatisficingResult(2, 4), Satisficing.Evaluate(samples, [Requirement.AtLeast(0, 5), Requirement.AtMost(1, 3)]));
    }

    [Fact]
    public void WorstDecile_MeanOfWorstTenPercent()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).ToArray(); // worst 10 % = 2 values
        Assert.Equal(1.5, WorstDecile.Mean(values, Direction.HigherIsBetter));
        Assert.Equal(19.5, WorstDecile.Mean(values, Direction.LowerIsBetter));
        Assert.Equal(1.0, WorstDecile.Mean(values.AsSpan(0, 5), Direction.HigherIsBetter)); // ceil(0.5) = 1 value
        var perDesign = WorstDecile.Compute(Outcomes, Direction.HigherIsBetter);
        Assert.Equal([7.0, 1.0, 1.0], perDesign);
    }
}
