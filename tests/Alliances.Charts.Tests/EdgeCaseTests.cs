using System.Xml.Linq;

namespace Alliances.Charts.Tests;

/// <summary>Degenerate inputs render without exceptions; inconsistent inputs throw ArgumentException.</summary>
public class EdgeCaseTests
{
    private static readonly double[] Empty = [];

    private static void RendersValidSvg(Chart chart)
    {
        string svg = chart.ToSvg();
        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain("NaN", string.Concat(doc.Descendants().Attributes().Select(a => a.Value)));
        Assert.DoesNotContain("Infinity", svg);
    }

    public static TheoryData<string> DegenerateNames() => new(Degenerate.Keys);

    private static readonly Dictionary<string, Chart> Degenerate = new()
    {
        ["line-no-series"] = new LineBandChart { Series = [] },
        ["line-empty-series"] = new LineBandChart { Series = [new LineBandSeries("vide", Empty, Empty)] },
        ["line-single-point"] = new LineBandChart
        {
            Series = [new LineBandSeries("un", [3], [0.5]) { InnerLow = [0.4], InnerHigh = [0.6], OuterLow = [0.3], OuterHigh = [0.7] }],
        },
        ["line-constant"] = new LineBandChart { Series = [new LineBandSeries("c", [1, 2, 3], [2, 2, 2])] },
        ["line-nan"] = new LineBandChart
        {
            Series = [new LineBandSeries("n", [0, 1, 2, 3, 4], [1, double.NaN, 3, double.PositiveInfinity, 5])
            {
                InnerLow = [0.5, 1, double.NaN, 2, 4], InnerHigh = [1.5, 2, 4, 5, 6],
            }],
        },
        ["line-all-nan"] = new LineBandChart { Series = [new LineBandSeries("n", [double.NaN], [double.NaN])] },
        ["dist-no-categories"] = new DistributionChart { Categories = [] },
        ["dist-empty-samples"] = new DistributionChart
        {
            Categories = [new DistributionCategory("vide", Empty), new DistributionCategory("moyenne seule", Empty) { Mean = 1, CiLow = 0.5, CiHigh = 1.5 }],
            ShowViolin = true,
        },
        ["dist-single-sample"] = new DistributionChart { Categories = [new DistributionCategory("un", [4.2])], ShowViolin = true },
        ["dist-constant"] = new DistributionChart { Categories = [new DistributionCategory("c", [2, 2, 2, 2])], ShowViolin = true, Whiskers = WhiskerRule.Tukey },
        ["dist-nan"] = new DistributionChart { Categories = [new DistributionCategory("n", [1, double.NaN, 2, 3, double.NegativeInfinity])], ShowViolin = true },
        ["dist-many-long-labels"] = new DistributionChart
        {
            Categories = Enumerable.Range(0, 12).Select(i => new DistributionCategory($"Catégorie extrêmement longue numéro {i}", [i, i + 1, i + 2])).ToList(),
        },
        ["scatter-no-groups"] = new ScatterChart { Groups = [] },
        ["scatter-single"] = new ScatterChart { Groups = [new ScatterGroup("p", [1], [1]) { Labels = ["seul"] }] },
        ["scatter-nan"] = new ScatterChart
        {
            ConnectPoints = true,
            Groups = [new ScatterGroup("p", [1, double.NaN, 3], [1, 2, double.NaN]) { Labels = [null, "b", "c"], Cross = new CiCross(double.NaN, 0, 1, 2, 1, 3) }],
        },
        ["heatmap-empty"] = new HeatmapChart { RowLabels = [], ColumnLabels = [], Values = [] },
        ["heatmap-single"] = new HeatmapChart { RowLabels = ["r"], ColumnLabels = ["c"], Values = [[5.0]] },
        ["heatmap-all-nan"] = new HeatmapChart { RowLabels = ["r", "s"], ColumnLabels = ["a", "b"], Values = [[double.NaN, double.NaN], [double.NaN, double.NaN]] },
        ["heatmap-wide"] = new HeatmapChart
        {
            RowLabels = Enumerable.Range(0, 60).Select(i => $"Territoire {i}").ToList(),
            ColumnLabels = Enumerable.Range(0, 240).Select(i => $"m{i}").ToList(),
            Values = Enumerable.Range(0, 60).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, 240).Select(c => (double)(r * c)).ToList()).ToList(),
            CellTooltips = false,
        },
        ["forest-empty"] = new ForestPlot { Rows = [] },
        ["forest-nan"] = new ForestPlot
        {
            Rows = [new ForestRow("nan", double.NaN, double.NaN, double.NaN), new ForestRow("inf", 1, double.NegativeInfinity, 2), new ForestRow("ok", 1, 1, 1)],
            ReferenceValue = null,
        },
        ["bar-empty"] = new BarChart { Categories = [], Series = [] },
        ["bar-zero"] = new BarChart { Categories = ["a", "b"], Series = [new BarSeries("z", [0, 0])] },
        ["bar-negative-nan"] = new BarChart
        {
            Categories = ["a", "b", "c"],
            Series = [new BarSeries("s", [-3, double.NaN, 2]) { Low = [-4, 0, double.NaN], High = [-2, 1, 3] }],
            ValueRange = new AxisRange(-1, 1), // values outside a fixed range are clamped
        },
        ["tiny"] = SampleCharts.LineBand() with { Options = new ChartOptions { Width = 60, Height = 40, IdPrefix = "tiny" } },
        ["tiny-heatmap"] = SampleCharts.Heatmap() with { Options = new ChartOptions { Width = 60, Height = 40 } },
    };

    [Theory]
    [MemberData(nameof(DegenerateNames))]
    public void DegenerateInputsDoNotThrow(string name) => RendersValidSvg(Degenerate[name]);

    [Fact]
    public void MismatchedLengthsThrowWithClearMessages()
    {
        var e1 = Assert.Throws<ArgumentException>(() =>
            new LineBandChart { Series = [new LineBandSeries("A", [1, 2, 3], [1, 2])] }.ToSvg());
        Assert.Contains("'A'", e1.Message);
        Assert.Contains("Median has 2", e1.Message);

        Assert.Throws<ArgumentException>(() =>
            new LineBandChart { Series = [new LineBandSeries("A", [1, 2], [1, 2]) { InnerLow = [1, 2] }] }.ToSvg());
        Assert.Throws<ArgumentException>(() =>
            new LineBandChart { Series = [new LineBandSeries("A", [1, 2], [1, 2]) { OuterLow = [1], OuterHigh = [2] }] }.ToSvg());

        var e2 = Assert.Throws<ArgumentException>(() =>
            new ScatterChart { Groups = [new ScatterGroup("G", [1, 2], [1])] }.ToSvg());
        Assert.Contains("Y has 1", e2.Message);
        Assert.Throws<ArgumentException>(() =>
            new ScatterChart { Groups = [new ScatterGroup("G", [1], [1]) { Labels = ["a", "b"] }] }.ToSvg());

        var e3 = Assert.Throws<ArgumentException>(() =>
            new HeatmapChart { RowLabels = ["r"], ColumnLabels = ["a", "b"], Values = [[1.0]] }.ToSvg());
        Assert.Contains("row 0", e3.Message);
        Assert.Throws<ArgumentException>(() =>
            new HeatmapChart { RowLabels = ["r", "s"], ColumnLabels = ["a"], Values = [[1.0]] }.ToSvg());

        var e4 = Assert.Throws<ArgumentException>(() =>
            new BarChart { Categories = ["a", "b"], Series = [new BarSeries("S", [1])] }.ToSvg());
        Assert.Contains("2 categories", e4.Message);
        Assert.Throws<ArgumentException>(() =>
            new BarChart { Categories = ["a"], Series = [new BarSeries("S", [1]) { Low = [0] }] }.ToSvg());
    }

    [Fact]
    public void InconsistentIntervalsAndOptionsThrow()
    {
        Assert.Throws<ArgumentException>(() => new ForestPlot { Rows = [new ForestRow("x", 0, 2, 1)] }.ToSvg());
        Assert.Throws<ArgumentException>(() =>
            new DistributionChart { Categories = [new DistributionCategory("x", [1]) { Mean = 1, CiLow = 2, CiHigh = 0 }] }.ToSvg());
        Assert.Throws<ArgumentException>(() =>
            new ScatterChart { Groups = [new ScatterGroup("x", [1], [1]) { Cross = new CiCross(0, 1, -1, 0, 0, 0) }] }.ToSvg());
        Assert.Throws<ArgumentException>(() =>
            SampleCharts.Bar() with { Options = new ChartOptions { Width = 0 } } is var c ? c.ToSvg() : "");
        Assert.Throws<ArgumentException>(() =>
            (SampleCharts.LineBand() with { YRange = new AxisRange(1, 1) }).ToSvg());
        Assert.Throws<ArgumentException>(() =>
            (SampleCharts.Heatmap() with { ColumnLabelEvery = 0 }).ToSvg());
        Assert.Throws<ArgumentException>(() => new LineBandChart { Series = null! }.ToSvg());
    }

    [Fact]
    public void HeatmapThinsColumnLabels()
    {
        var chart = Degenerate["heatmap-wide"];
        var doc = XDocument.Parse(chart.ToSvg());
        XNamespace svg = "http://www.w3.org/2000/svg";
        var cols = doc.Descendants(svg + "g").First(g => (string?)g.Attribute("class") == "column-labels");
        int shown = cols.Elements(svg + "text").Count();
        Assert.InRange(shown, 2, 60);

        var explicitEvery = (HeatmapChart)chart with { ColumnLabelEvery = 24 };
        var doc2 = XDocument.Parse(explicitEvery.ToSvg());
        var cols2 = doc2.Descendants(svg + "g").First(g => (string?)g.Attribute("class") == "column-labels");
        Assert.Equal(["m0", "m24", "m48", "m72", "m96", "m120", "m144", "m168", "m192", "m216"], cols2.Elements(svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void ForestValueColumnIsFormattedInvariantly()
    {
        using var scope = new CultureScope("fr-CA");
        string svg = SampleCharts.Forest().ToSvg();
        Assert.Contains("-1.20 [-2.10, -0.30]", svg);
    }
}
