namespace Alliances.Analysis.Robustness;

/// <summary>
/// Worst-case-oriented summary in the spirit of the conditional value at risk (Rockafellar and Uryasev 2000): the mean
/// of a design's worst ceil(fraction · m) samples (default fraction 0.10: the worst decile) of one metric, "worst"
/// meaning lowest when higher is better and highest when lower is better.
/// </summary>
public static class WorstDecile
{
    /// <summary>Per design of an outcomes[design][sample] table.</summary>
    public static double[] Compute(double[][] outcomes, Direction direction, double fraction = 0.10)
    {
        Validation.Rectangular(outcomes, nameof(outcomes));
        var result = new double[outcomes.Length];
        for (int d = 0; d < outcomes.Length; d++) result[d] = Mean(outcomes[d], direction, fraction);
        return result;
    }

    /// <summary>Mean of the worst ceil(fraction · n) values (at least one).</summary>
    public static double Mean(ReadOnlySpan<double> values, Direction direction, double fraction = 0.10)
    {
        if (values.Length == 0) throw new ArgumentException("no values", nameof(values));
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int count = Math.Max(1, (int)Math.Ceiling(fraction * sorted.Length - 1e-9));
        double sum = 0;
        if (direction == Direction.HigherIsBetter)
            for (int i = 0; i < count; i++) sum += sorted[i];
        else
            for (int i = sorted.Length - count; i < sorted.Length; i++) sum += sorted[i];
        return sum / count;
    }
}
