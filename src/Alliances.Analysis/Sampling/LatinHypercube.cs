using Alliances.Rng;

namespace Alliances.Analysis.Sampling;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover, 1979) on [0, 1)^k: each dimension is cut into n equal strata,
/// each stratum holds exactly one point; strata are matched across dimensions by an independent random permutation per
/// dimension, and each point is jittered uniformly within its stratum.
/// Output convention of the whole Sampling namespace: <c>double[n][k]</c>, row = sample, column = factor.
/// Deterministic given the stream: dimension by dimension, a Fisher-Yates shuffle of 0..n-1 then n uniform jitters.
/// </summary>
public static class LatinHypercube
{
    /// <summary>n points in k dimensions from the stream <c>Streams.Create(seed, replication, Purpose.Sampling, entity)</c>.</summary>
    public static double[][] Sample(int n, int k, ulong seed, long replication = 0, long entity = 0)
    {
        var rng = Streams.Create(seed, replication, Purpose.Sampling, entity);
        return Sample(n, k, ref rng);
    }

    /// <summary>n points in k dimensions drawn from <paramref name="rng"/> (advanced in place).</summary>
    public static double[][] Sample(int n, int k, ref Xoshiro256 rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive");
        var rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[k];
        var perm = new int[n];
        double below1 = Math.BitDecrement(1.0);
        for (int d = 0; d < k; d++)
        {
            for (int i = 0; i < n; i++) perm[i] = i;
            rng.Shuffle(perm);
            for (int i = 0; i < n; i++)
            {
                double x = (perm[i] + rng.NextDouble()) / n;
                rows[i][d] = Math.Min(x, below1); // rounding could otherwise give exactly 1 for huge n
            }
        }
        return rows;
    }
}
