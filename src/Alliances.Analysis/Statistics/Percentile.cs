namespace Alliances.Analysis.Statistics;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics: definition 7 of Hyndman and Fan (1996),
/// "Sample quantiles in statistical packages", Am. Stat. 50, 361-365 — the default of R and numpy:
/// h = (n - 1) p, Q(p) = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)), 0-based order statistics.
/// </summary>
public static class Percentile
{
    /// <summary>Quantile p in [0, 1] of values already sorted ascending.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(sorted));
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1]");
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>Quantile p of unsorted values (copied and sorted; the input is left untouched).</summary>
    public static double Of(ReadOnlySpan<double> values, double p)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return OfSorted(copy, p);
    }
}
