namespace Alliances.Charts.Internal;

/// <summary>Small descriptive statistics used by <see cref="DistributionChart"/>.</summary>
internal static class Stats
{
    /// <summary>Finite values sorted ascending.</summary>
    public static double[] SortedFinite(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        Array.Sort(a);
        return a;
    }

    /// <summary>Quantile of sorted data, linear interpolation between order statistics (Hyndman-Fan type 7, R default).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double StdDev(double[] x)
    {
        if (x.Length < 2)
        {
            return 0;
        }

        double mean = x.Average();
        double ss = 0;
        foreach (double v in x)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (x.Length - 1));
    }

    /// <summary>
    /// Silverman's rule-of-thumb bandwidth: 0.9 · min(σ, IQR / 1.34) · n^(−1/5)
    /// (falls back to whichever spread measure is non-zero; 0 for constant data).
    /// </summary>
    public static double SilvermanBandwidth(double[] sorted)
    {
        if (sorted.Length < 2)
        {
            return 0;
        }

        double sd = StdDev(sorted);
        double iqr = (Quantile(sorted, 0.75) - Quantile(sorted, 0.25)) / 1.34;
        double spread = sd > 0 && iqr > 0 ? Math.Min(sd, iqr) : Math.Max(sd, iqr);
        return 0.9 * spread * Math.Pow(sorted.Length, -0.2);
    }

    /// <summary>Gaussian kernel density estimate evaluated at <paramref name="grid"/>.</summary>
    public static double[] GaussianKde(double[] data, double bandwidth, double[] grid)
    {
        var result = new double[grid.Length];
        if (data.Length == 0 || !(bandwidth > 0))
        {
            return result;
        }

        double norm = 1 / (data.Length * bandwidth * Math.Sqrt(2 * Math.PI));
        for (int g = 0; g < grid.Length; g++)
        {
            double sum = 0;
            foreach (double x in data)
            {
                double z = (grid[g] - x) / bandwidth;
                sum += Math.Exp(-0.5 * z * z);
            }

            result[g] = sum * norm;
        }

        return result;
    }
}
