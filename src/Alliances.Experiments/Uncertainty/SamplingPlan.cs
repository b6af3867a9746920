using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alliances.Analysis.Sampling;

namespace Alliances.Experiments.Uncertainty;

public enum SamplingMethod { Morris, Sobol, LatinHypercube }

/// <summary>
/// The rows an experiment evaluates: points of the unit hypercube (one column per factor), their factor values, and
/// the replication each row runs on. Rows that are compared with each other share a replication, hence the region,
/// the non-factor parameter draws and every model stream (common random numbers):
/// <list type="bullet">
/// <item>Morris: the k + 1 rows of trajectory t run on replication t;</item>
/// <item>Sobol (Saltelli): the k + 2 rows A_j, AB_j^(i), B_j of base sample j run on replication j;</item>
/// <item>Latin hypercube: sample s runs on replication s (for every design).</item>
/// </list>
/// With a noise pseudo-factor (<see cref="Factor.Noise"/>, last column), the replication is instead a factor of the
/// design: Morris row replication = t · p + (grid level of the noise column), so a trajectory runs on two replications
/// and one of its steps moves only the replication; Saltelli row replication = ⌊u · 2³²⌋ of the noise column's Sobol'
/// coordinate u, so A_j and B_j run on different replications and AB_j^(noise) differs from A_j by the replication only.
/// </summary>
public sealed class SamplingPlan
{
    private SamplingPlan(SamplingMethod method, int samples, ulong seed, int levels, IReadOnlyList<Factor> factors, double[][] unit,
        long[] replication, string[] roles, MorrisDesign? morris, SaltelliDesign? saltelli)
    {
        Method = method;
        Samples = samples;
        Seed = seed;
        Levels = levels;
        Factors = factors;
        Unit = unit;
        Replication = replication;
        Roles = roles;
        Morris = morris;
        Saltelli = saltelli;
        Values = new double[unit.Length][];
        for (int r = 0; r < unit.Length; r++)
        {
            var v = new double[factors.Count];
            for (int i = 0; i < v.Length; i++) v[i] = factors[i].Kind == FactorKind.Noise ? replication[r] : factors[i].Quantile(unit[r][i]);
            Values[r] = v;
        }
        Fingerprint = ComputeFingerprint();
    }

    public SamplingMethod Method { get; }
    /// <summary>r trajectories (Morris), N base samples (Sobol) or n points (Latin hypercube).</summary>
    public int Samples { get; }
    public ulong Seed { get; }
    /// <summary>Morris grid levels p (0 for other methods).</summary>
    public int Levels { get; }
    public IReadOnlyList<Factor> Factors { get; }
    public int K => Factors.Count;
    public int RowCount => Unit.Length;
    /// <summary>Unit-hypercube rows (what the estimators see).</summary>
    public double[][] Unit { get; }
    /// <summary>Factor values of each row.</summary>
    public double[][] Values { get; }
    /// <summary>Replication (stream key) of each row.</summary>
    public long[] Replication { get; }
    /// <summary>What each row is: "base" / "step:&lt;factor&gt;" (Morris), "A" / "AB:&lt;factor&gt;" / "B" (Sobol), "lhs".</summary>
    public string[] Roles { get; }
    public MorrisDesign? Morris { get; }
    public SaltelliDesign? Saltelli { get; }
    /// <summary>SHA-256 (hex) of the method, sizes, seed, levels and factors: rows are a pure function of it.</summary>
    public string Fingerprint { get; }

    /// <summary>Morris (1991) trajectories on a p-level grid (Δ = p / (2(p − 1))), from the Sampling stream of <paramref name="seed"/>.</summary>
    public static SamplingPlan CreateMorris(IReadOnlyList<Factor> factors, int trajectories, ulong seed, int levels = 4, bool noise = false)
    {
        if (factors.Count == 0) throw new ArgumentException("no uncertain factor: nothing to screen");
        if (noise) factors = [.. factors, Factor.Noise()];
        var design = MorrisDesign.Create(trajectories, factors.Count, seed, levels);
        int k = factors.Count;
        var rep = new long[design.RowCount];
        var roles = new string[design.RowCount];
        for (int t = 0; t < trajectories; t++)
        {
            int r0 = t * (k + 1);
            roles[r0] = "base";
            for (int s = 0; s < k; s++) roles[r0 + s + 1] = "step:" + factors[design.Order[t][s]].Name;
            for (int s = 0; s <= k; s++)
                rep[r0 + s] = noise ? (long)t * levels + (long)Math.Round(design.Rows[r0 + s][k - 1] * (levels - 1)) : t;
        }
        return new SamplingPlan(SamplingMethod.Morris, trajectories, seed, levels, factors, design.Rows, rep, roles, design, null);
    }

    /// <summary>Saltelli (2002, 2010) design on a Sobol' sequence (Joe and Kuo directions): N(k + 2) rows.</summary>
    public static SamplingPlan CreateSobol(IReadOnlyList<Factor> factors, int baseSamples, ulong seed, bool noise = false)
    {
        if (factors.Count == 0) throw new ArgumentException("no uncertain factor: nothing to analyse");
        if (noise) factors = [.. factors, Factor.Noise()];
        var design = SaltelliDesign.Create(baseSamples, factors.Count);
        var rep = new long[design.RowCount];
        var roles = new string[design.RowCount];
        for (int r = 0; r < design.RowCount; r++)
        {
            var d = design.Describe(r);
            rep[r] = noise ? (long)Math.Floor(design.Rows[r][factors.Count - 1] * 4294967296.0) : d.BaseIndex;
            roles[r] = d.Matrix switch
            {
                SaltelliMatrix.A => "A",
                SaltelliMatrix.B => "B",
                _ => "AB:" + factors[d.Factor].Name,
            };
        }
        return new SamplingPlan(SamplingMethod.Sobol, baseSamples, seed, 0, factors, design.Rows, rep, roles, null, design);
    }

    /// <summary>A Latin hypercube of n points (McKay, Beckman and Conover 1979) from the Sampling stream; k may be 0.</summary>
    public static SamplingPlan CreateLatinHypercube(IReadOnlyList<Factor> factors, int samples, ulong seed)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "at least one sample");
        var unit = factors.Count == 0
            ? Enumerable.Range(0, samples).Select(_ => Array.Empty<double>()).ToArray()
            : LatinHypercube.Sample(samples, factors.Count, seed);
        var rep = Enumerable.Range(0, samples).Select(s => (long)s).ToArray();
        var roles = Enumerable.Repeat("lhs", samples).ToArray();
        return new SamplingPlan(SamplingMethod.LatinHypercube, samples, seed, 0, factors, unit, rep, roles, null, null);
    }

    public static string MethodName(SamplingMethod m) => m switch
    {
        SamplingMethod.Morris => "morris",
        SamplingMethod.Sobol => "sobol",
        _ => "lhs",
    };

    private string ComputeFingerprint()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{MethodName(Method)}|{Samples}|{Seed}|{Levels}|{RowCount}\n");
        foreach (var f in Factors) sb.Append(f.Canonical).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
