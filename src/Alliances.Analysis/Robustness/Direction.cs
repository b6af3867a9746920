namespace Alliances.Analysis.Robustness;

/// <summary>Which way a metric improves.</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

internal static class Validation
{
    /// <summary>Checks a rectangular, finite outcomes[design][sample] table; returns the number of samples.</summary>
    public static int Rectangular(double[][] outcomes, string name)
    {
        ArgumentNullException.ThrowIfNull(outcomes, name);
        if (outcomes.Length == 0) throw new ArgumentException("no designs", name);
        int m = outcomes[0]?.Length ?? 0;
        if (m == 0) throw new ArgumentException("no samples", name);
        for (int d = 0; d < outcomes.Length; d++)
        {
            if (outcomes[d] is null || outcomes[d].Length != m) throw new ArgumentException($"design {d} does not have {m} samples", name);
            foreach (double x in outcomes[d])
                if (!double.IsFinite(x)) throw new ArgumentException($"design {d} has a non-finite outcome", name);
        }
        return m;
    }
}
