using Alliances.Analysis.Sampling;
using Alliances.Analysis.Sensitivity;

namespace Alliances.Analysis.Tests;

public class SobolIndicesTests
{
    private static double[] Evaluate(double[][] rows, Func<double[], double> f) => rows.Select(f).ToArray();

    /// <summary>Ishigami and Homma (1990), a = 7, b = 0.1, x uniform on [-π, π]^3.</summary>
    private static double Ishigami(double[] x) =>
        Math.Sin(x[0]) + 7 * Math.Sin(x[1]) * Math.Sin(x[1]) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    [Fact]
    public void Ishigami_N8192_MatchesAnalyticIndices_Within0_02()
    {
        const double a = 7, b = 0.1;
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * pi8 / 225;
        double v = v1 + v2 + v13;
        double[] s1 = [v1 / v, v2 / v, 0];                // ≈ (0.314, 0.442, 0.000)
        double[] st = [(v1 + v13) / v, v2 / v, v13 / v];  // ≈ (0.558, 0.442, 0.244)

        var design = SaltelliDesign.Create(1 << 13, 3);
        var x = Scaling.ToUniform(design.Rows, [-Math.PI, -Math.PI, -Math.PI], [Math.PI, Math.PI, Math.PI]);
        var result = SobolIndices.Estimate(design, Evaluate(x, Ishigami), new SobolOptions { BootstrapResamples = 200, Seed = 1 });

        for (int i = 0; i < 3; i++)
        {
            // unscrambled Sobol: deterministic; observed errors < 0.002 at N = 2^13
            Assert.InRange(result.FirstOrder[i], s1[i] - 0.02, s1[i] + 0.02);
            Assert.InRange(result.TotalOrder[i], st[i] - 0.02, st[i] + 0.02);
            // bootstrap intervals bracket the point estimate and are reasonably tight at N = 8192
            Assert.True(result.FirstOrderInterval[i].Contains(result.FirstOrder[i]));
            Assert.True(result.TotalOrderInterval[i].Contains(result.TotalOrder[i]));
            Assert.InRange(result.FirstOrderInterval[i].Width, 1e-6, 0.1);
            Assert.InRange(result.TotalOrderInterval[i].Width, 1e-6, 0.1);
        }
        Assert.Equal(v, result.Variance, v * 0.03);
    }

    [Fact]
    public void SobolG_a_0_1_4p5_9_99x4_N8192_MatchesAnalyticIndices_Within0_01()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        int k = a.Length;
        var vi = a.Select(ai => 1.0 / (3 * (1 + ai) * (1 + ai))).ToArray();
        double v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        var s1 = vi.Select(x => x / v).ToArray();
        var st = Enumerable.Range(0, k).Select(i =>
            vi[i] * Enumerable.Range(0, k).Where(j => j != i).Aggregate(1.0, (p, j) => p * (1 + vi[j])) / v).ToArray();

        double G(double[] x)
        {
            double prod = 1;
            for (int i = 0; i < k; i++) prod *= (Math.Abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
            return prod;
        }

        var design = SaltelliDesign.Create(1 << 13, k);
        var result = SobolIndices.Estimate(design, Evaluate(design.Rows, G), new SobolOptions { BootstrapResamples = 100, Seed = 2 });
        for (int i = 0; i < k; i++)
        {
            // observed errors < 0.002 at N = 2^13
            Assert.InRange(result.FirstOrder[i], s1[i] - 0.01, s1[i] + 0.01);
            Assert.InRange(result.TotalOrder[i], st[i] - 0.01, st[i] + 0.01);
        }
        // the ranking of the important factors is right
        Assert.True(result.TotalOrder[0] > result.TotalOrder[1] && result.TotalOrder[1] > result.TotalOrder[2]);
    }

    [Fact]
    public void Bootstrap_IsDeterministic_GivenSeed_AndOutputOrderIndependent()
    {
        var design = SaltelliDesign.Create(256, 3);
        var y = design.Rows.Select(Ishigami).ToArray(); // on [0,1)^3: any function will do
        var opt = new SobolOptions { BootstrapResamples = 300, Seed = 99, Replication = 4 };
        var r1 = SobolIndices.Estimate(design, y, opt);
        var r2 = SobolIndices.Estimate(design, y, opt);
        Assert.Equal(r1.FirstOrderInterval, r2.FirstOrderInterval);
        Assert.Equal(r1.TotalOrderInterval, r2.TotalOrderInterval);
        var r3 = SobolIndices.Estimate(design, y, opt with { Seed = 100 });
        Assert.NotEqual(r1.FirstOrderInterval, r3.FirstOrderInterval);
        Assert.Equal(r1.FirstOrder, r3.FirstOrder);

        var none = SobolIndices.Estimate(design, y, opt with { BootstrapResamples = 0 });
        Assert.True(double.IsNaN(none.FirstOrderInterval[0].Lower));
    }
}

public class ElementaryEffectsTests
{
    [Fact]
    public void LinearFunction_MuStarEqualsAbsCoefficient_SigmaZero_Exact()
    {
        double[] c = [3.0, -2.0, 0.5, 0.0, -10.0];
        var design = MorrisDesign.Create(trajectories: 12, factors: c.Length, seed: 11);
        var y = design.Rows.Select(x => x.Select((xi, i) => c[i] * xi).Sum()).ToArray();
        var result = ElementaryEffects.Analyze(design, y);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(Math.Abs(c[i]), result.MuStar[i], 12);
            Assert.Equal(c[i], result.Mu[i], 12);
            Assert.Equal(0.0, result.Sigma[i], 12);
        }
    }

    [Fact]
    public void Interaction_GivesNonZeroSigma_AndInertFactorZero()
    {
        // f = x0 * x1: effect of x0 depends on x1
        var design = MorrisDesign.Create(trajectories: 30, factors: 3, seed: 5, levels: 6);
        var y = design.Rows.Select(x => x[0] * x[1]).ToArray();
        var result = ElementaryEffects.Analyze(design, y);
        Assert.True(result.Sigma[0] > 0.05 && result.Sigma[1] > 0.05);
        Assert.Equal(0.0, result.MuStar[2]);
        Assert.Equal(0.0, result.Sigma[2]);
    }
}
