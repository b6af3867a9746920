using Alliances.Analysis.Discovery;
using Alliances.Rng;

namespace Alliances.Analysis.Tests;

public class PrimTests
{
    private static (double[][] X, bool[] Y) BoxData(int n, ulong seed, double labelNoise = 0)
    {
        // n iid uniform points on [0,1]^4; y = 1 exactly when x1 > 0.6 and x2 < 0.3 (x3, x4 are noise),
        // then each label flipped with probability labelNoise
        var rng = Streams.Create(seed, 0, Purpose.Sampling);
        var x = new double[n][];
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
            y[i] = (x[i][0] > 0.6 && x[i][1] < 0.3) ^ (labelNoise > 0 && rng.Bernoulli(labelNoise));
        }
        return (x, y);
    }

    private static readonly string[] Names = ["x1", "x2", "x3", "x4"];
    private static readonly (double, double)[] UnitBounds = [(0, 1), (0, 1), (0, 1), (0, 1)];

    [Theory]
    [InlineData(2000UL)]
    [InlineData(2001UL)]
    [InlineData(2002UL)]
    public void RecoversKnownBox_N2000_LimitsWithin0_05_NoiseUnrestricted(ulong seed)
    {
        var (x, y) = BoxData(2000, seed);
        var result = Prim.Run(x, y, Names, UnitBounds);
        var box = result.SelectByCoverage(0.8);

        Assert.True(box.Density >= 0.9, $"density {box.Density}");
        Assert.True(box.Coverage >= 0.8, $"coverage {box.Coverage}");
        Assert.Equal(["x1", "x2"], box.DimensionsThatMatter.OrderBy(s => s));
        Assert.Equal(2, box.RestrictedDimensions);
        var x1 = box.Limits.Single(l => l.Name == "x1");
        var x2 = box.Limits.Single(l => l.Name == "x2");
        Assert.InRange(x1.Lower, 0.55, 0.65);
        Assert.Equal(1.0, x1.Upper);
        Assert.False(x1.UpperRestricted);
        Assert.Equal(0.0, x2.Lower);
        Assert.InRange(x2.Upper, 0.25, 0.35);
        Assert.Equal(0.0, box.Lower[2]);
        Assert.Equal(1.0, box.Upper[3]);

        var knee = result.SelectKnee();
        Assert.True(knee.Density >= 0.9 && knee.Coverage >= 0.9, $"knee coverage {knee.Coverage}, density {knee.Density}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void WithFivePercentLabelNoise_LastBoxKeepsTheTrueLimitsWithin0_05_AndRanksX1X2First(ulong seed)
    {
        var (x, y) = BoxData(2000, seed, labelNoise: 0.05);
        var result = Prim.Run(x, y, Names, UnitBounds);
        var box = result.Last;
        Assert.True(box.Density > 0.9, $"density {box.Density}");
        Assert.Equal(["x1", "x2"], box.DimensionsThatMatter.Take(2).OrderBy(s => s));
        Assert.InRange(box.Limits.Single(l => l.Name == "x1").Lower, 0.55, 0.65);
        Assert.InRange(box.Limits.Single(l => l.Name == "x2").Upper, 0.25, 0.35);
        // noise dimensions are at most trimmed at the edges
        Assert.All(box.Limits.Where(l => l.Name is "x3" or "x4"), l => Assert.True(l.Restriction < 0.15));
    }

    [Fact]
    public void Trajectory_StartsWithFullBox_DensityIncreases_MassAboveThreshold()
    {
        var (x, y) = BoxData(2000, 7);
        var result = Prim.Run(x, y, Names, UnitBounds, new PrimOptions { Alpha = 0.05, MinMass = 0.05 });
        var first = result.Trajectory[0];
        Assert.Equal(1.0, first.Coverage);
        Assert.Equal(1.0, first.Mass);
        Assert.Equal(0, first.RestrictedDimensions);
        Assert.Equal(y.Count(v => v) / 2000.0, first.Density, 12);
        for (int i = 1; i < result.Trajectory.Count; i++)
        {
            var b = result.Trajectory[i];
            Assert.True(b.Density > result.Trajectory[i - 1].Density);
            Assert.True(b.Coverage <= result.Trajectory[i - 1].Coverage);
            Assert.True(b.Mass >= 0.05);
            Assert.Equal(x.Count(r => b.Contains(r)), b.Points);
            Assert.Equal(x.Where((r, j) => y[j] && b.Contains(r)).Count(), b.Cases);
        }
        var knee = result.SelectKnee();
        Assert.Contains(knee, result.Trajectory);
        Assert.True(knee.Density > 0.8);
    }

    [Fact]
    public void Pasting_NeverLowersDensity_AndKeepsTheBoxConsistent()
    {
        var (x, y) = BoxData(1000, 9);
        var result = Prim.Run(x, y, Names, UnitBounds, new PrimOptions { Paste = true, Alpha = 0.1 });
        var pasted = result.PastedBox!;
        Assert.NotNull(pasted);
        Assert.True(pasted.Pasted);
        Assert.True(pasted.Density >= result.Last.Density);
        Assert.True(pasted.Points >= result.Last.Points);
        Assert.Equal(x.Count(r => pasted.Contains(r)), pasted.Points);
        Assert.InRange(pasted.Limits.Single(l => l.Name == "x1").Lower, 0.55, 0.65);
    }
}
