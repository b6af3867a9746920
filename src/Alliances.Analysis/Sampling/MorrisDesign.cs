using Alliances.Rng;

namespace Alliances.Analysis.Sampling;

/// <summary>
/// Morris (1991) elementary-effects design ("Factorial sampling plans for preliminary computational experiments",
/// Technometrics 33, 161-174) on the unit hypercube: r trajectories of k + 1 points on a p-level grid
/// {0, 1/(p-1), ..., 1}, step Δ = p / (2(p - 1)) (p even, default 4 so Δ = 2/3).
/// <para>Each trajectory is Morris' randomised orientation B* = (J x* + (Δ/2)[(2B - J) D* + J]) P*: a random base
/// point x* on the grid with x* + Δ ≤ 1, a random direction D* (±1 per factor: the factor starts at x* and rises by Δ,
/// or starts at x* + Δ and falls by Δ) and a random order P* in which the factors move, one per step.</para>
/// Layout: <see cref="Rows"/> holds r consecutive blocks of k + 1 rows; row t(k+1) + s is point s of trajectory t and
/// differs from the previous row only in factor <c>Order[t][s-1]</c>. Draw order from the stream, per trajectory:
/// k base levels, k directions, then a Fisher-Yates shuffle of the factor order.
/// </summary>
public sealed class MorrisDesign
{
    private MorrisDesign(int trajectories, int factors, int levels, double delta, double[][] rows, int[][] order)
    {
        Trajectories = trajectories;
        Factors = factors;
        Levels = levels;
        Delta = delta;
        Rows = rows;
        Order = order;
    }

    public int Trajectories { get; }
    public int Factors { get; }
    public int Levels { get; }

    /// <summary>Δ = p / (2(p - 1)) on the unit scale.</summary>
    public double Delta { get; }

    /// <summary>r(k + 1) points on [0, 1]^k (note: grid level 1 is included), row = point.</summary>
    public double[][] Rows { get; }

    /// <summary><c>Order[t][s]</c> = factor that changes between points s and s + 1 of trajectory t.</summary>
    public int[][] Order { get; }

    public int RowCount => Rows.Length;

    /// <summary>r trajectories from the stream <c>Streams.Create(seed, replication, Purpose.Sampling, entity)</c>.</summary>
    public static MorrisDesign Create(int trajectories, int factors, ulong seed, int levels = 4, long replication = 0, long entity = 0)
    {
        var rng = Streams.Create(seed, replication, Purpose.Sampling, entity);
        return Create(trajectories, factors, ref rng, levels);
    }

    /// <summary>r trajectories drawn from <paramref name="rng"/> (advanced in place).</summary>
    public static MorrisDesign Create(int trajectories, int factors, ref Xoshiro256 rng, int levels = 4)
    {
        if (trajectories < 1) throw new ArgumentOutOfRangeException(nameof(trajectories));
        if (factors < 1) throw new ArgumentOutOfRangeException(nameof(factors));
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "Morris levels p must be even and ≥ 2");
        double step = 1.0 / (levels - 1);
        int deltaSteps = levels / 2;            // Δ(p - 1) = p/2 grid steps
        double delta = deltaSteps * step;        // = p / (2(p - 1))
        int baseLevels = levels - deltaSteps;    // base level index in 0..p/2-1 keeps x* + Δ ≤ 1
        int k = factors;
        var rows = new double[trajectories * (k + 1)][];
        var order = new int[trajectories][];
        var low = new int[k];
        var rising = new bool[k];
        for (int t = 0; t < trajectories; t++)
        {
            for (int i = 0; i < k; i++) low[i] = rng.NextInt(baseLevels);
            for (int i = 0; i < k; i++) rising[i] = rng.NextDouble() < 0.5;
            var perm = new int[k];
            for (int i = 0; i < k; i++) perm[i] = i;
            rng.Shuffle(perm);
            order[t] = perm;

            var point = new double[k];
            for (int i = 0; i < k; i++)
                point[i] = (rising[i] ? low[i] : low[i] + deltaSteps) * step;
            int r0 = t * (k + 1);
            rows[r0] = (double[])point.Clone();
            for (int s = 0; s < k; s++)
            {
                int f = perm[s];
                point[f] = (rising[f] ? low[f] + deltaSteps : low[f]) * step;
                rows[r0 + s + 1] = (double[])point.Clone();
            }
        }
        return new MorrisDesign(trajectories, k, levels, delta, rows, order);
    }
}
