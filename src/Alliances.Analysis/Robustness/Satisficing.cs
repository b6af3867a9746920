namespace Alliances.Analysis.Robustness;

public enum Comparison
{
    /// <summary>metric ≥ threshold.</summary>
    AtLeast,
    /// <summary>metric ≤ threshold.</summary>
    AtMost,
}

/// <summary>A requirement on one metric (index into the metric list) of a sample: <c>metric ≥ x</c> or <c>metric ≤ x</c>.</summary>
public sealed record Requirement(int Metric, Comparison Comparison, double Threshold)
{
    public static Requirement AtLeast(int metric, double threshold) => new(metric, Comparison.AtLeast, threshold);
    public static Requirement AtMost(int metric, double threshold) => new(metric, Comparison.AtMost, threshold);

    /// <summary>Whether the value of this requirement's metric meets it.</summary>
    public bool IsMet(double value) => Comparison == Comparison.AtLeast ? value >= Threshold : value <= Threshold;
}

/// <summary>How many samples of a design meet every requirement.</summary>
public readonly record struct SatisficingResult(int Met, int Samples)
{
    public double Share => Samples == 0 ? double.NaN : (double)Met / Samples;
}

/// <summary>
/// Satisficing robustness (Simon 1956; domain criterion of Starr 1963; Lempert and Collins 2007): the fraction of
/// samples (states of the world) in which a design meets every requirement simultaneously.
/// </summary>
public static class Satisficing
{
    /// <summary>
    /// Per design: <paramref name="outcomesByMetric"/>[metric] is an outcomes[design][sample] table (all metrics with
    /// the same designs and samples); a sample counts when every requirement holds on its metric values.
    /// </summary>
    public static SatisficingResult[] Evaluate(IReadOnlyList<double[][]> outcomesByMetric, IReadOnlyList<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(outcomesByMetric);
        ArgumentNullException.ThrowIfNull(requirements);
        if (outcomesByMetric.Count == 0) throw new ArgumentException("no metrics", nameof(outcomesByMetric));
        int m = Validation.Rectangular(outcomesByMetric[0], nameof(outcomesByMetric));
        int nd = outcomesByMetric[0].Length;
        for (int k = 1; k < outcomesByMetric.Count; k++)
        {
            if (Validation.Rectangular(outcomesByMetric[k], nameof(outcomesByMetric)) != m || outcomesByMetric[k].Length != nd)
                throw new ArgumentException($"metric {k} does not have the same designs and samples as metric 0", nameof(outcomesByMetric));
        }
        foreach (var req in requirements)
            if ((uint)req.Metric >= (uint)outcomesByMetric.Count) throw new ArgumentException($"requirement on unknown metric {req.Metric}", nameof(requirements));
        var result = new SatisficingResult[nd];
        for (int d = 0; d < nd; d++)
        {
            int met = 0;
            for (int s = 0; s < m; s++)
            {
                bool ok = true;
                foreach (var req in requirements)
                {
                    if (!req.IsMet(outcomesByMetric[req.Metric][d][s]))
                    {
                        ok = false;
                        break;
                    }
                }
                if (ok) met++;
            }
            result[d] = new SatisficingResult(met, m);
        }
        return result;
    }

    /// <summary>One design: <paramref name="metricsBySample"/>[sample][metric].</summary>
    public static SatisficingResult Evaluate(double[][] metricsBySample, IReadOnlyList<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(metricsBySample);
        ArgumentNullException.ThrowIfNull(requirements);
        int met = 0;
        foreach (double[] values in metricsBySample)
        {
            bool ok = true;
            foreach (var req in requirements)
            {
                if ((uint)req.Metric >= (uint)values.Length) throw new ArgumentException($"requirement on unknown metric {req.Metric}", nameof(requirements));
                if (!req.IsMet(values[req.Metric]))
                {
                    ok = false;
                    break;
                }
            }
            if (ok) met++;
        }
        return new SatisficingResult(met, metricsBySample.Length);
    }
}
