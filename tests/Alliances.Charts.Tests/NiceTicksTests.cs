using System.Globalization;

namespace Alliances.Charts.Tests;

public class NiceTicksTests
{
    [Fact]
    public void UnitRangeGivesTenthsByTwo()
    {
        var t = NiceTicks.Loose(0, 1, 6);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], t.Values);
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], t.Labels);
        Assert.Equal(0, t.Min);
        Assert.Equal(1, t.Max);
    }

    [Fact]
    public void AlmostUnitRangeRoundsOutToOne()
    {
        var t = NiceTicks.Loose(0, 0.93, 6);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], t.Values);
        Assert.Equal(0.2, t.Step);
    }

    [Fact]
    public void MixedSignRangeUsesStepFive()
    {
        var t = NiceTicks.Loose(-3.2, 17, 6);
        Assert.Equal([-5, 0, 5, 10, 15, 20], t.Values);
        Assert.Equal(["-5", "0", "5", "10", "15", "20"], t.Labels);
    }

    [Fact]
    public void TinyRangesKeepExactDecimals()
    {
        var t = NiceTicks.Loose(1.2e-4, 1.9e-4, 6);
        Assert.Equal(1e-5, t.Step, 15);
        Assert.Equal("0.00012", t.Labels[0]);
        Assert.Equal("0.00019", t.Labels[^1]);
        Assert.All(t.Labels, l => Assert.Equal(7, l.Length)); // same decimals on the whole axis

        var u = NiceTicks.Loose(0, 1e-4, 6);
        Assert.Equal(["0.00000", "0.00002", "0.00004", "0.00006", "0.00008", "0.00010"], u.Labels);
    }

    [Fact]
    public void NoFloatingPointNoise()
    {
        var t = NiceTicks.Loose(0, 0.9, 10);
        Assert.Contains(0.3, t.Values);
        Assert.All(t.Values, v => Assert.True(v.ToString("R", CultureInfo.InvariantCulture).Length <= 4, v.ToString("R", CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(t.Labels, l => l.Contains("0000000"));
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(0.0)]
    [InlineData(-250.0)]
    [InlineData(1e-9)]
    public void ConstantDataIsPadded(double v)
    {
        var t = NiceTicks.Loose(v, v, 6);
        Assert.True(t.Min < v && t.Max > v, $"[{t.Min}, {t.Max}] should strictly contain {v}");
        Assert.True(t.Values.Count >= 2);
    }

    [Fact]
    public void NonFiniteAndReversedInputsAreHandled()
    {
        var t = NiceTicks.Loose(double.NaN, double.NaN);
        Assert.Equal(0, t.Min);
        Assert.Equal(1, t.Max);
        var r = NiceTicks.Loose(10, 0);
        Assert.Equal(0, r.Min);
        Assert.Equal(10, r.Max);
        var half = NiceTicks.Loose(double.NaN, 3);
        Assert.True(half.Min < 3 && half.Max > 3);
    }

    [Fact]
    public void HugeValuesUseScientificNotationWithCommonExponent()
    {
        var t = NiceTicks.Loose(0, 3e9, 6);
        Assert.Equal(9, t.Exponent);
        Assert.Equal("0", t.Labels[0]);
        Assert.Equal("3.0e9", t.Labels[^1]);
    }

    [Fact]
    public void InsideKeepsDomainAndOnlyInnerTicks()
    {
        var t = NiceTicks.Inside(0.03, 0.97, 6);
        Assert.Equal(0.03, t.Min);
        Assert.Equal(0.97, t.Max);
        Assert.Equal([0.2, 0.4, 0.6, 0.8], t.Values);
    }

    [Theory]
    [InlineData(0.0, false, 1.0)]
    [InlineData(1.0, false, 1.0)]
    [InlineData(1.01, false, 2.0)]
    [InlineData(3.2, false, 5.0)]
    [InlineData(7.0, false, 10.0)]
    [InlineData(1.4, true, 1.0)]
    [InlineData(2.9, true, 2.0)]
    [InlineData(6.9, true, 5.0)]
    [InlineData(7.0, true, 10.0)]
    [InlineData(0.029, true, 0.02)]
    [InlineData(0.031, true, 0.05)]
    [InlineData(4200.0, true, 5000.0)]
    public void NiceNumberFollowsHeckbert(double x, bool round, double expected)
    {
        Assert.Equal(expected, NiceTicks.NiceNumber(x, round), 12);
    }

    [Fact]
    public void PropertiesHoldOverManyRanges()
    {
        var rng = new TestRng(3);
        for (int i = 0; i < 2000; i++)
        {
            double scale = Math.Pow(10, rng.Uniform() * 16 - 8);
            double a = (rng.Uniform() * 2 - 1) * scale, b = a + rng.Uniform() * scale;
            int target = 2 + (int)(rng.Uniform() * 9);
            var t = NiceTicks.Loose(a, b, target);
            Assert.True(t.Min <= a && t.Max >= b, $"[{t.Min}, {t.Max}] must cover [{a}, {b}]");
            Assert.InRange(t.Values.Count, 2, 2 * target + 2);
            for (int k = 1; k < t.Values.Count; k++)
            {
                Assert.True(t.Values[k] > t.Values[k - 1]);
            }

            Assert.Equal(t.Labels.Count, t.Labels.Distinct().Count());
            if (t.Exponent is null)
            {
                for (int k = 0; k < t.Values.Count; k++)
                {
                    double parsed = double.Parse(t.Labels[k], CultureInfo.InvariantCulture);
                    Assert.Equal(t.Values[k], parsed); // labels are exact
                }
            }

            var inside = NiceTicks.Inside(a, b, target);
            Assert.All(inside.Values, v => Assert.InRange(v, a - Math.Abs(a) * 1e-9 - 1e-300, b + Math.Abs(b) * 1e-9 + 1e-300));
        }
    }

    [Fact]
    public void FormatMatchesAxisDecimals()
    {
        var t = NiceTicks.Loose(0, 1, 6);
        Assert.Equal("0.5", t.Format(0.5));
        Assert.Equal("0.3", t.Format(0.30000000000000004));
        Assert.Equal("0.0", t.Format(-0.0));
    }
}
