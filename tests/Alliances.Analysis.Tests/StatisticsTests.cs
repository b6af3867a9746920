using Alliances.Analysis.Statistics;
using Alliances.Rng;

namespace Alliances.Analysis.Tests;

public class QuantileSketchTests
{
    private static double[] NormalSample(int n, ulong seed)
    {
        var rng = Streams.Create(seed, 0, Purpose.Sampling);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.Normal(0, 1);
        return x;
    }

    /// <summary>Empirical quantile as the order statistic x_(ceil(pn)) (x_(1) for p = 0), the reference of the bound.</summary>
    private static double OrderStatistic(double[] sorted, double p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [Fact]
    public void Quantiles_Of100000Normals_WithinDocumentedError()
    {
        // range [-6, 6], 2000 bins: w = 0.006; interpolated error ≤ w, midpoint error ≤ w/2
        var x = NormalSample(100_000, 1);
        var sketch = new QuantileSketch(-6, 6);
        sketch.AddRange(x);
        Assert.Equal(0, sketch.ClampedBelow + sketch.ClampedAbove);
        Array.Sort(x);
        Assert.Equal(0.006, sketch.MaxError, 15);
        Assert.Equal(0.003, sketch.MaxErrorMidpoint, 15);
        foreach (double p in new[] { 0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 })
        {
            double truth = OrderStatistic(x, p);
            Assert.InRange(sketch.Quantile(p), truth - sketch.MaxError, truth + sketch.MaxError);
            Assert.InRange(sketch.QuantileMidpoint(p), truth - sketch.MaxErrorMidpoint - 1e-12, truth + sketch.MaxErrorMidpoint + 1e-12);
        }
        Assert.Equal(x[0], sketch.Quantile(0));
        Assert.Equal(x[^1], sketch.Quantile(1));
        Assert.Equal(100_000, sketch.Count);
    }

    [Fact]
    public void HalfBinBound_IsTightForMidpoint_AndInterpolationStaysInTheBin()
    {
        // all values at the left edge of one bin: interpolation may be up to one bin off, the midpoint half a bin
        var s = new QuantileSketch(0, 10, 10);
        for (int i = 0; i < 10; i++) s.Add(3.0);
        s.Add(9.5);
        Assert.InRange(s.Quantile(0.5), 3.0, 4.0);
        Assert.InRange(s.QuantileMidpoint(0.5), 3.0, 3.5);
    }

    [Fact]
    public void MergeOfSplitStreams_EqualsSingleStreamExactly_InAnyOrder()
    {
        var x = NormalSample(30_000, 2);
        var whole = new QuantileSketch(-5, 5, 500);
        whole.AddRange(x);
        var parts = Enumerable.Range(0, 3).Select(_ => new QuantileSketch(-5, 5, 500)).ToArray();
        for (int i = 0; i < x.Length; i++) parts[i % 3].Add(x[i]);

        var forward = new QuantileSketch(-5, 5, 500);
        foreach (var p in parts) forward.Merge(p);
        var backward = new QuantileSketch(-5, 5, 500);
        foreach (var p in parts.Reverse()) backward.Merge(p);

        Assert.Equal(whole, forward);
        Assert.Equal(whole, backward);
        Assert.Equal(whole.ToCompactString(), backward.ToCompactString());
        foreach (double p in new[] { 0.01, 0.5, 0.99 }) Assert.Equal(whole.Quantile(p), forward.Quantile(p));
        Assert.Throws<ArgumentException>(() => whole.Merge(new QuantileSketch(-5, 5, 400)));
    }

    [Fact]
    public void Serialisation_RoundTripsExactly()
    {
        var s = new QuantileSketch(0.1, 1e6 / 3, 2000);
        foreach (double v in NormalSample(5000, 3)) s.Add(Math.Exp(4 + 3 * v)); // heavy tail: some clamped above and below
        Assert.True(s.ClampedAbove > 0 && s.ClampedBelow > 0);
        string text = s.ToCompactString();
        var back = QuantileSketch.Parse(text);
        Assert.Equal(s, back);
        Assert.Equal(text, back.ToCompactString());
        Assert.Equal(s, QuantileSketch.FromState(s.ToState()));
        Assert.Equal(s.Quantile(0.37), back.Quantile(0.37));

        var empty = new QuantileSketch(-1, 1);
        Assert.Equal(empty, QuantileSketch.Parse(empty.ToCompactString()));
        Assert.True(double.IsNaN(empty.Quantile(0.5)));
        Assert.Throws<FormatException>(() => QuantileSketch.Parse("QS1;0;1;10;5;0;0;0;1;0:4"));
    }

    [Fact]
    public void OutOfRangeValues_AreClampedAndCounted()
    {
        var s = new QuantileSketch(0, 1, 100);
        s.Add(-3);
        s.Add(0.5);
        s.Add(7);
        Assert.Equal(1, s.ClampedBelow);
        Assert.Equal(1, s.ClampedAbove);
        Assert.Equal(0.0, s.Min);
        Assert.Equal(1.0, s.Max);
        Assert.Equal(1, s.CountInBin(0));
        Assert.Equal(1, s.CountInBin(99));
        Assert.Throws<ArgumentException>(() => s.Add(double.NaN));
    }
}

public class StreamingMomentsTests
{
    [Fact]
    public void MeanVariance_MatchTwoPass_AndMergeMatchesSequential()
    {
        var rng = Streams.Create(5, 0, Purpose.Sampling);
        var x = Enumerable.Range(0, 10_001).Select(_ => 1e6 + rng.Normal(3, 2)).ToArray(); // large offset: Welford stays accurate
        var m = new StreamingMoments();
        m.AddRange(x);
        double mean = x.Average();
        double var = x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
        Assert.Equal(mean, m.Mean, 1e-7); // 1e-13 relative at 1e6
        Assert.Equal(var, m.Variance, 1e-9 * var);

        var a = new StreamingMoments();
        var b = new StreamingMoments();
        a.AddRange(x.AsSpan(0, 4000));
        b.AddRange(x.AsSpan(4000));
        a.Merge(b);
        Assert.Equal(m.Count, a.Count);
        Assert.Equal(m.Mean, a.Mean, 1e-7);
        Assert.Equal(m.Variance, a.Variance, 1e-9 * var);

        var again = new StreamingMoments();
        again.AddRange(x);
        Assert.Equal(m.Mean, again.Mean); // bit-identical given the order
        Assert.Equal(m.Variance, again.Variance);
    }

    [Fact]
    public void TInterval_UsesStudentQuantileWithNMinus1Df()
    {
        // values 1..10: mean 5.5, s = sqrt(55/6), t(0.975, 9) = 2.2621571627982
        var ci = StreamingMoments.MeanConfidenceInterval(Enumerable.Range(1, 10).Select(i => (double)i).ToArray());
        double half = 2.2621571627982 * Math.Sqrt(55.0 / 6.0) / Math.Sqrt(10);
        Assert.Equal(5.5 - half, ci.Lower, 9);
        Assert.Equal(5.5 + half, ci.Upper, 9);

        var single = new StreamingMoments();
        single.Add(1);
        Assert.True(double.IsNaN(single.MeanConfidenceInterval().Lower));
    }

    [Fact]
    public void Percentile_Type7_MatchesNumpyConvention()
    {
        double[] v = [0, 1, 1, 4, 6];
        Assert.Equal(5.2, Percentile.Of(v, 0.9), 12);
        Assert.Equal(1.0, Percentile.Of(v, 0.5));
        Assert.Equal(0.0, Percentile.Of(v, 0));
        Assert.Equal(6.0, Percentile.Of(v, 1));
    }
}
