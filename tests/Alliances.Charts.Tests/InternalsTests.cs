using Alliances.Charts.Internal;

namespace Alliances.Charts.Tests;

public class InternalsTests
{
    [Theory]
    [InlineData(1.0051, "1.01")]
    [InlineData(2.994, "2.99")]
    [InlineData(-0.001, "0")]
    [InlineData(12.3456, "12.35")]
    [InlineData(100.0, "100")]
    [InlineData(-7.5, "-7.5")]
    [InlineData(double.NaN, "0")]
    public void CoordinatesAreRoundedToTwoDecimals(double v, string expected)
    {
        using var scope = new CultureScope("fr-CA");
        Assert.Equal(expected, Num.C(v));
    }

    [Fact]
    public void EscapeHandlesSpecialCharacters()
    {
        Assert.Equal("a &amp; b &lt;c&gt; &quot;d&quot; l&apos;e", Xml.Escape("a & b <c> \"d\" l'e"));
        Assert.Equal("Évaluation à Québec", Xml.Escape("Évaluation à Québec"));
        Assert.Equal("a b", Xml.Escape("a\nb"));
        Assert.Equal("", Xml.Escape(null));
    }

    [Fact]
    public void QuantilesUseLinearInterpolation()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(3, Stats.Quantile(x, 0.5));
        Assert.Equal(2, Stats.Quantile(x, 0.25));
        Assert.Equal(1.2, Stats.Quantile(x, 0.05), 12);
        Assert.Equal(4.8, Stats.Quantile(x, 0.95), 12);
        Assert.True(double.IsNaN(Stats.Quantile([], 0.5)));
    }

    [Fact]
    public void SilvermanBandwidthAndKdeIntegrateToOne()
    {
        var rng = new TestRng(11);
        var data = Enumerable.Range(0, 500).Select(_ => rng.Normal()).OrderBy(v => v).ToArray();
        double h = Stats.SilvermanBandwidth(data);
        double expected = 0.9 * Math.Min(Stats.StdDev(data), (Stats.Quantile(data, 0.75) - Stats.Quantile(data, 0.25)) / 1.34) * Math.Pow(500, -0.2);
        Assert.Equal(expected, h, 12);
        var grid = Enumerable.Range(0, 2001).Select(i => -6 + 12.0 * i / 2000).ToArray();
        double[] dens = Stats.GaussianKde(data, h, grid);
        double integral = dens.Sum() * (12.0 / 2000);
        Assert.Equal(1.0, integral, 2);
        Assert.Equal(0, Stats.SilvermanBandwidth([3, 3, 3]));
    }

    [Fact]
    public void TextWidthIsPositiveAndMonotonic()
    {
        Assert.Equal(0, TextMetrics.Width("", 12));
        Assert.True(TextMetrics.Width("Montréal", 12) > TextMetrics.Width("Mont", 12));
        Assert.Equal(TextMetrics.Width("e", 12), TextMetrics.Width("é", 12), 9);
        string t = TextMetrics.Truncate("Gaspésie–Îles-de-la-Madeleine", 12, 80);
        Assert.EndsWith("…", t);
        Assert.True(TextMetrics.Width(t, 12) <= 80);
    }
}
