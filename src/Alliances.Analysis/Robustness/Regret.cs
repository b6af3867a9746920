using Alliances.Analysis.Statistics;

namespace Alliances.Analysis.Robustness;

/// <summary>Summary of one design's regret over the samples.</summary>
/// <param name="P90">90th percentile (Hyndman-Fan type 7, as numpy/R).</param>
public readonly record struct RegretSummary(double Mean, double P90, double Max);

/// <summary>Regret of every design in every sample, and its summary per design.</summary>
/// <param name="Values"><c>Values[design][sample]</c> ≥ 0.</param>
public sealed record RegretResult(double[][] Values, RegretSummary[] Summary);

/// <summary>
/// Minimax-regret style robustness (Savage 1951; as used in robust decision making, Lempert, Popper and Bankes 2003,
/// and the metric taxonomy of McPhail et al. 2018): the regret of design d in sample s is the distance of its outcome
/// from the best outcome any design achieves in that same sample — max_d' y[d'][s] - y[d][s] when higher is better,
/// y[d][s] - min_d' y[d'][s] when lower is better — hence ≥ 0, and exactly 0 for the best design of the sample.
/// Samples are compared across designs, so the same sample index must be the same state of the world (common random
/// numbers).
/// </summary>
public static class Regret
{
    /// <summary>Regret of one metric; <paramref name="outcomes"/> is [design][sample].</summary>
    public static RegretResult Compute(double[][] outcomes, Direction direction)
    {
        int m = Validation.Rectangular(outcomes, nameof(outcomes));
        int nd = outcomes.Length;
        var best = new double[m];
        for (int s = 0; s < m; s++)
        {
            double b = outcomes[0][s];
            for (int d = 1; d < nd; d++)
                b = direction == Direction.HigherIsBetter ? Math.Max(b, outcomes[d][s]) : Math.Min(b, outcomes[d][s]);
            best[s] = b;
        }
        var values = new double[nd][];
        var summary = new RegretSummary[nd];
        for (int d = 0; d < nd; d++)
        {
            var r = new double[m];
            double sum = 0, max = 0;
            for (int s = 0; s < m; s++)
            {
                double x = direction == Direction.HigherIsBetter ? best[s] - outcomes[d][s] : outcomes[d][s] - best[s];
                r[s] = x;
                sum += x;
                if (x > max) max = x;
            }
            values[d] = r;
            summary[d] = new RegretSummary(sum / m, Percentile.Of(r, 0.9), max);
        }
        return new RegretResult(values, summary);
    }
}
