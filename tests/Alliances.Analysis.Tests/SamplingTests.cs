using Alliances.Analysis.Sampling;

namespace Alliances.Analysis.Tests;

public class SobolSequenceTests
{
    // Published unscrambled Sobol points (Joe-Kuo directions, Gray-code order), as returned by
    // scipy.stats.qmc.Sobol(d=3, scramble=False).random(8) after its first row (the origin).
    private static readonly double[][] KnownFirstPoints =
    [
        [0.5, 0.5, 0.5],
        [0.75, 0.25, 0.25],
        [0.25, 0.75, 0.75],
        [0.375, 0.375, 0.625],
        [0.875, 0.875, 0.125],
        [0.625, 0.125, 0.875],
        [0.125, 0.625, 0.375],
    ];

    [Fact]
    public void FirstPoints_MatchPublishedValues_Exactly()
    {
        var pts = SobolSequence.Generate(KnownFirstPoints.Length, 3);
        for (int i = 0; i < KnownFirstPoints.Length; i++)
            Assert.Equal(KnownFirstPoints[i], pts[i]);
    }

    [Fact]
    public void SkipZero_StartsAtOrigin()
    {
        var pts = SobolSequence.Generate(2, 5, skip: 0);
        Assert.All(pts[0], v => Assert.Equal(0.0, v));
        Assert.All(pts[1], v => Assert.Equal(0.5, v));
        var skipped = SobolSequence.Generate(3, 5, skip: 3);
        Assert.Equal(SobolSequence.Point(3, 5), skipped[0]);
    }

    [Fact]
    public void DirectPoint_EqualsSequentialGrayCode_AllDimensions_First4096()
    {
        var seq = new SobolSequence(SobolSequence.MaxDimensions);
        var p = new double[SobolSequence.MaxDimensions];
        for (long i = 1; i <= 4096; i++)
        {
            seq.Next(p);
            if (i % 97 == 0 || i < 64) Assert.Equal(SobolSequence.Point(i, SobolSequence.MaxDimensions), p);
        }
    }

    [Fact]
    public void Deterministic_SameCallSameOutput()
    {
        Assert.Equal(SobolSequence.Generate(300, 40), SobolSequence.Generate(300, 40));
    }

    [Fact]
    public void DirectionNumbers_AreOddAndBounded_ForAll128Dimensions()
    {
        Assert.Equal(SobolSequence.MaxDimensions - 1, JoeKuoDirections.Rows.Length);
        for (int d = 0; d < JoeKuoDirections.Rows.Length; d++)
        {
            var row = JoeKuoDirections.Rows[d];
            int s = row.Length - 1;
            Assert.True(row[0] >= 0 && (s == 1 ? row[0] == 0 : row[0] < 1 << (s - 1)), $"a out of range at dimension {d + 2}");
            for (int k = 1; k <= s; k++)
                Assert.True(row[k] % 2 == 1 && row[k] < 1 << k, $"m_{k} invalid at dimension {d + 2}");
            // the first direction integer of every dimension is 1 (v_1 = 1/2)
            Assert.Equal(1u << 31, SobolSequence.Directions(d + 1)[0]);
        }
    }

    [Fact]
    public void EveryDimension_First1024PointsWithOrigin_OnePointPerStratum()
    {
        // property of any base-2 Sobol sequence with valid direction numbers: the first 2^m points are stratified
        // into 2^m equal intervals in every one-dimensional projection
        const int n = 1024;
        var pts = SobolSequence.Generate(n, SobolSequence.MaxDimensions, skip: 0);
        for (int d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            var seen = new bool[n];
            foreach (var p in pts)
            {
                int s = (int)(p[d] * n);
                Assert.False(seen[s], $"dimension {d + 1} has two points in stratum {s}");
                seen[s] = true;
            }
        }
    }

    [Fact]
    public void FirstTwoDimensions_Form_0_8_2_Net()
    {
        // (0, m, 2)-net: every elementary interval of area 2^-8 holds exactly one of the first 256 points
        const int m = 8, n = 1 << m;
        var pts = SobolSequence.Generate(n, 2, skip: 0);
        for (int a = 0; a <= m; a++)
        {
            int nx = 1 << a, ny = 1 << (m - a);
            var count = new int[nx, ny];
            foreach (var p in pts) count[(int)(p[0] * nx), (int)(p[1] * ny)]++;
            foreach (int c in count) Assert.Equal(1, c);
        }
    }

    [Fact]
    public void InvalidDimensions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimensions + 1));
    }
}

public class LatinHypercubeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(257, 7)]
    public void ExactlyOnePointPerStratumPerDimension(int n, int k)
    {
        var x = LatinHypercube.Sample(n, k, seed: 42);
        Assert.Equal(n, x.Length);
        for (int d = 0; d < k; d++)
        {
            var strata = x.Select(r => (int)Math.Floor(r[d] * n)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
            Assert.All(x, r => Assert.InRange(r[d], 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Fact]
    public void Deterministic_GivenSeed_AndDifferentAcrossSeedsAndReplications()
    {
        var a = LatinHypercube.Sample(50, 4, seed: 7, replication: 1);
        var b = LatinHypercube.Sample(50, 4, seed: 7, replication: 1);
        var c = LatinHypercube.Sample(50, 4, seed: 8, replication: 1);
        var d = LatinHypercube.Sample(50, 4, seed: 7, replication: 2);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }
}

public class SaltelliDesignTests
{
    [Fact]
    public void Layout_HasNTimesKPlus2Rows_AndABiTakesColumnIFromB()
    {
        const int n = 16, k = 3;
        var design = SaltelliDesign.Create(n, k);
        Assert.Equal(n * (k + 2), design.RowCount);
        var sob = SobolSequence.Generate(n, 2 * k);
        for (int j = 0; j < n; j++)
        {
            var a = design.Rows[design.RowOf(SaltelliMatrix.A, j)];
            var b = design.Rows[design.RowOf(SaltelliMatrix.B, j)];
            Assert.Equal(sob[j][..k], a);
            Assert.Equal(sob[j][k..], b);
            for (int i = 0; i < k; i++)
            {
                var ab = design.Rows[design.RowOf(SaltelliMatrix.AB, j, i)];
                for (int c = 0; c < k; c++) Assert.Equal(c == i ? b[c] : a[c], ab[c]);
            }
        }
    }

    [Fact]
    public void DescribeAndRowOf_AreInverse_AndSplitReturnsOutputsByMatrix()
    {
        var design = SaltelliDesign.Create(8, 4);
        var outputs = new double[design.RowCount];
        for (int r = 0; r < design.RowCount; r++)
        {
            var id = design.Describe(r);
            Assert.Equal(r, design.RowOf(id.Matrix, id.BaseIndex, id.Factor));
            outputs[r] = r; // "evaluate" in any order: output r belongs to row r
        }
        var split = design.Split(outputs);
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(design.RowOf(SaltelliMatrix.A, j), split.A[j]);
            Assert.Equal(design.RowOf(SaltelliMatrix.B, j), split.B[j]);
            for (int i = 0; i < 4; i++) Assert.Equal(design.RowOf(SaltelliMatrix.AB, j, i), split.AB[i][j]);
        }
        Assert.Throws<ArgumentException>(() => design.Split(new double[3]));
    }
}

public class MorrisDesignTests
{
    [Fact]
    public void Trajectories_ChangeOneFactorPerStep_ByDelta_OnTheGrid()
    {
        const int r = 20, k = 6, p = 4;
        var design = MorrisDesign.Create(r, k, seed: 3, levels: p);
        Assert.Equal(2.0 / 3.0, design.Delta, 15);
        Assert.Equal(r * (k + 1), design.RowCount);
        for (int t = 0; t < r; t++)
        {
            Assert.Equal(Enumerable.Range(0, k), design.Order[t].OrderBy(i => i));
            for (int s = 0; s <= k; s++)
            {
                var row = design.Rows[t * (k + 1) + s];
                foreach (double v in row)
                {
                    Assert.InRange(v, 0.0, 1.0);
                    double level = v * (p - 1);
                    Assert.Equal(Math.Round(level), level, 12);
                }
                if (s == 0) continue;
                var prev = design.Rows[t * (k + 1) + s - 1];
                for (int i = 0; i < k; i++)
                {
                    if (i == design.Order[t][s - 1]) Assert.Equal(design.Delta, Math.Abs(row[i] - prev[i]), 12);
                    else Assert.Equal(prev[i], row[i]);
                }
            }
        }
        Assert.Equal(design.Rows, MorrisDesign.Create(r, k, seed: 3, levels: p).Rows);
    }
}

public class ScalingTests
{
    [Fact]
    public void InverseCdfs_MatchKnownQuantiles()
    {
        Assert.Equal(5.0, Marginal.Uniform(0, 10).Quantile(0.5), 12);
        Assert.Equal(1.959963984540054, Marginal.Normal(0, 1).Quantile(0.975), 9);
        Assert.Equal(13.919927969080108, Marginal.Normal(10, 2).Quantile(0.975), 8);
        // triangular(0, 0, 1): F(x) = 1 - (1 - x)^2, so F^-1(0.75) = 0.5
        Assert.Equal(0.5, Marginal.Triangular(0, 0, 1).Quantile(0.75), 9);
        // symmetric beta(2, 2) on [10, 20]: median 15; beta(1, 1) is uniform
        Assert.Equal(15.0, Marginal.Beta(2, 2, 10, 20).Quantile(0.5), 6);
        Assert.Equal(0.3, Marginal.Beta(1, 1).Quantile(0.3), 6);
    }

    [Fact]
    public void Apply_MapsColumnsIndependently()
    {
        double[][] unit = [[0.0, 0.5], [0.25, 0.975]];
        var x = Scaling.Apply(unit, [Marginal.Uniform(-1, 1), Marginal.Normal(0, 1)]);
        Assert.Equal(-1.0, x[0][0]);
        Assert.Equal(0.0, x[0][1], 12);
        Assert.Equal(-0.5, x[1][0]);
        Assert.Equal(1.959963984540054, x[1][1], 9);
        var u = Scaling.ToUniform(unit, [0, 10], [4, 20]);
        Assert.Equal(1.0, u[1][0]);
        Assert.Equal(15.0, u[0][1]);
    }
}
