using Alliances.Analysis.Sampling;
using Alliances.Analysis.Statistics;
using Alliances.Rng;

namespace Alliances.Analysis.Sensitivity;

/// <summary>Options of <see cref="SobolIndices.Estimate(SaltelliDesign, ReadOnlySpan{double}, SobolOptions?)"/>.</summary>
public sealed record SobolOptions
{
    /// <summary>Bootstrap resamples B (0 disables the intervals; they are then NaN).</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Two-sided confidence level of the percentile intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Key of the bootstrap stream <c>Streams.Create(Seed, Replication, Purpose.Bootstrap, Entity)</c>.</summary>
    public ulong Seed { get; init; }
    public long Replication { get; init; }
    public long Entity { get; init; }
}

/// <summary>First-order and total Sobol indices of k factors, with bootstrap percentile intervals.</summary>
public sealed record SobolResult(
    double[] FirstOrder, double[] TotalOrder,
    Interval[] FirstOrderInterval, Interval[] TotalOrderInterval,
    double Variance, int BaseSamples);

/// <summary>
/// Variance-based sensitivity indices (Sobol 1993, 2001) estimated from the outputs of a Saltelli design
/// (<see cref="SaltelliDesign"/>), with V = the population variance (denominator 2N) of the 2N outputs f(A) ∪ f(B):
/// <list type="bullet">
/// <item>first order, Saltelli et al. (2010, table 2 (b)): S_i = (1/N) Σ_j f(B)_j (f(AB_i)_j - f(A)_j) / V;</item>
/// <item>total order, Jansen (1999, "Analysis of variance designs for model output", Comput. Phys. Commun. 117,
/// 35-43): S_Ti = (1/(2N)) Σ_j (f(A)_j - f(AB_i)_j)² / V.</item>
/// </list>
/// Confidence intervals: nonparametric bootstrap (Efron 1979; Archer, Saltelli and Sobol 1997) resampling the N base
/// rows (a row carries its f(A), f(B) and all f(AB_i)) with replacement, recomputing V and the indices on each of the
/// B resamples, and taking the percentile interval (Hyndman-Fan type 7 quantiles of the B replicates at
/// (1-level)/2 and 1-(1-level)/2). Deterministic: resample b uses a generator seeded by the b-th draw of the bootstrap
/// stream, so the result does not depend on thread scheduling.
/// </summary>
public static class SobolIndices
{
    /// <summary>Indices from outputs in the row order of <paramref name="design"/> (<c>outputs[r]</c> = f(design.Rows[r])).</summary>
    public static SobolResult Estimate(SaltelliDesign design, ReadOnlySpan<double> outputs, SobolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        var split = design.Split(outputs);
        return Estimate(split.A, split.B, split.AB, options);
    }

    /// <summary>Indices from f(A), f(B) (length N each) and f(AB_i) (<c>fAB[i][j]</c>, k × N).</summary>
    public static SobolResult Estimate(double[] fA, double[] fB, double[][] fAB, SobolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fA);
        ArgumentNullException.ThrowIfNull(fB);
        ArgumentNullException.ThrowIfNull(fAB);
        options ??= new SobolOptions();
        int n = fA.Length;
        int k = fAB.Length;
        if (n < 2 || fB.Length != n) throw new ArgumentException("f(A) and f(B) need the same length N ≥ 2");
        for (int i = 0; i < k; i++)
            if (fAB[i] is null || fAB[i].Length != n) throw new ArgumentException($"f(AB_{i}) needs length N = {n}");
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(options), "confidence level must be in (0, 1)");
        if (options.BootstrapResamples < 0) throw new ArgumentOutOfRangeException(nameof(options), "bootstrap resamples must be ≥ 0");
        CheckFinite(fA, "f(A)");
        CheckFinite(fB, "f(B)");
        for (int i = 0; i < k; i++) CheckFinite(fAB[i], $"f(AB_{i})");

        var identity = new int[n];
        for (int j = 0; j < n; j++) identity[j] = j;
        var s1 = new double[k];
        var st = new double[k];
        double variance = Compute(fA, fB, fAB, identity, s1, st);

        var ci1 = new Interval[k];
        var ciT = new Interval[k];
        int resamples = options.BootstrapResamples;
        if (resamples == 0)
        {
            Array.Fill(ci1, new Interval(double.NaN, double.NaN));
            Array.Fill(ciT, new Interval(double.NaN, double.NaN));
            return new SobolResult(s1, st, ci1, ciT, variance, n);
        }

        var master = Streams.Create(options.Seed, options.Replication, Purpose.Bootstrap, options.Entity);
        var seeds = new ulong[resamples];
        for (int b = 0; b < resamples; b++) seeds[b] = master.NextUInt64();
        var boot1 = new double[k][];
        var bootT = new double[k][];
        for (int i = 0; i < k; i++)
        {
            boot1[i] = new double[resamples];
            bootT[i] = new double[resamples];
        }
        Parallel.For(0, resamples,
            () => (idx: new int[n], a: new double[k], t: new double[k]),
            (b, _, scratch) =>
            {
                var rng = new Xoshiro256(seeds[b]);
                for (int j = 0; j < n; j++) scratch.idx[j] = rng.NextInt(n);
                Compute(fA, fB, fAB, scratch.idx, scratch.a, scratch.t);
                for (int i = 0; i < k; i++)
                {
                    boot1[i][b] = scratch.a[i];
                    bootT[i][b] = scratch.t[i];
                }
                return scratch;
            },
            _ => { });

        double lo = (1 - options.ConfidenceLevel) / 2, hi = 1 - lo;
        for (int i = 0; i < k; i++)
        {
            Array.Sort(boot1[i]);
            Array.Sort(bootT[i]);
            ci1[i] = new Interval(Percentile.OfSorted(boot1[i], lo), Percentile.OfSorted(boot1[i], hi));
            ciT[i] = new Interval(Percentile.OfSorted(bootT[i], lo), Percentile.OfSorted(bootT[i], hi));
        }
        return new SobolResult(s1, st, ci1, ciT, variance, n);
    }

    /// <summary>Point estimates on the base rows listed in <paramref name="rows"/> (with repetition); returns V.</summary>
    private static double Compute(double[] fA, double[] fB, double[][] fAB, int[] rows, double[] s1, double[] st)
    {
        int n = rows.Length;
        int k = fAB.Length;
        // variance of f(A) ∪ f(B), two-pass for accuracy
        double sum = 0;
        foreach (int j in rows) sum += fA[j] + fB[j];
        double mean = sum / (2.0 * n);
        double ss = 0;
        foreach (int j in rows)
        {
            double da = fA[j] - mean, db = fB[j] - mean;
            ss += da * da + db * db;
        }
        double v = ss / (2.0 * n);
        for (int i = 0; i < k; i++)
        {
            double[] ab = fAB[i];
            double first = 0, total = 0;
            foreach (int j in rows)
            {
                double d = ab[j] - fA[j];
                first += fB[j] * d;
                total += d * d;
            }
            s1[i] = v > 0 ? first / n / v : double.NaN;
            st[i] = v > 0 ? total / (2.0 * n) / v : double.NaN;
        }
        return v;
    }

    private static void CheckFinite(double[] values, string name)
    {
        foreach (double x in values)
            if (!double.IsFinite(x)) throw new ArgumentException($"{name} contains a non-finite value");
    }
}
