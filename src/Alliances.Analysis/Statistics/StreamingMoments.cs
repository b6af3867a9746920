using MathNet.Numerics.Distributions;

namespace Alliances.Analysis.Statistics;

/// <summary>
/// Streaming mean and variance by Welford's (1962) update ("Note on a method for calculating corrected sums of squares
/// and products", Technometrics 4, 419-420), with the pairwise merge of Chan, Golub and LeVeque (1979).
/// Deterministic: the same values added (and merged) in the same order give bit-identical results; floating-point
/// rounding makes a different order differ in the last bits. Not thread-safe.
/// </summary>
public sealed class StreamingMoments
{
    private double _mean;
    private double _m2;

    public long Count { get; private set; }

    /// <summary>Arithmetic mean (NaN when empty).</summary>
    public double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>Unbiased sample variance, denominator n - 1 (NaN when n &lt; 2).</summary>
    public double Variance => Count < 2 ? double.NaN : _m2 / (Count - 1);

    /// <summary>Population variance, denominator n (NaN when empty).</summary>
    public double PopulationVariance => Count == 0 ? double.NaN : _m2 / Count;

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>s / sqrt(n).</summary>
    public double StandardError => Math.Sqrt(Variance / Count);

    public void Add(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentException("NaN cannot be added", nameof(x));
        Count++;
        double d = x - _mean;
        _mean += d / Count;
        _m2 += d * (x - _mean);
    }

    public void AddRange(ReadOnlySpan<double> values)
    {
        foreach (double v in values) Add(v);
    }

    /// <summary>Adds the values summarised by <paramref name="other"/> (Chan et al. 1979); <paramref name="other"/> is unchanged.</summary>
    public void Merge(StreamingMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0) return;
        if (Count == 0)
        {
            Count = other.Count;
            _mean = other._mean;
            _m2 = other._m2;
            return;
        }
        long n = Count + other.Count;
        double d = other._mean - _mean;
        _mean += d * other.Count / n;
        _m2 += other._m2 + d * d * ((double)Count * other.Count / n);
        Count = n;
    }

    /// <summary>
    /// Two-sided t interval for the mean: mean ± t_{n-1, 1-(1-level)/2} · s / sqrt(n), with the Student t quantile from
    /// MathNet's <see cref="StudentT.InvCDF"/> on n - 1 degrees of freedom (assumes approximately normal, independent
    /// values, e.g. replication means). NaN bounds when n &lt; 2; a zero-width interval when s = 0.
    /// </summary>
    public Interval MeanConfidenceInterval(double level = 0.95)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level));
        if (Count < 2) return new Interval(double.NaN, double.NaN);
        double t = StudentT.InvCDF(0.0, 1.0, Count - 1, 1 - (1 - level) / 2);
        double half = t * StandardError;
        return new Interval(_mean - half, _mean + half);
    }

    /// <summary>Convenience: the t interval of a sample's mean.</summary>
    public static Interval MeanConfidenceInterval(ReadOnlySpan<double> values, double level = 0.95)
    {
        var m = new StreamingMoments();
        m.AddRange(values);
        return m.MeanConfidenceInterval(level);
    }
}
