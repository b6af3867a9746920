using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Alliances.Charts.Tests;

/// <summary>Structural checks that apply to every rendered chart.</summary>
public partial class SvgValidityTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> NumericAttributes =
    [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size", "stroke-width",
        "fill-opacity", "stroke-opacity", "offset",
    ];

    public static TheoryData<string> Names() => new(SampleCharts.All.Keys);

    [GeneratedRegex(@"^-?\d+(\.\d{1,3})?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^([ML]-?\d+(\.\d{1,2})?,-?\d+(\.\d{1,2})?|Z)+$")]
    private static partial Regex PathData();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();

    private static XDocument RenderFr(Chart chart)
    {
        string svg;
        using (new CultureScope("fr-CA"))
        {
            svg = chart.ToSvg();
        }

        Assert.DoesNotContain("<?xml", svg);
        return XDocument.Parse(svg);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ParsesAndHasAccessibleRoot(string name)
    {
        var doc = RenderFr(SampleCharts.All[name]);
        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(root.Attribute("viewBox"));
        Assert.NotNull(root.Attribute("width"));
        Assert.NotNull(root.Attribute("height"));

        string[] refs = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal(2, refs.Length);
        var title = doc.Descendants(Svg + "title").First(e => (string?)e.Attribute("id") == refs[0]);
        var desc = doc.Descendants(Svg + "desc").First(e => (string?)e.Attribute("id") == refs[1]);
        Assert.False(string.IsNullOrWhiteSpace(title.Value));
        Assert.False(string.IsNullOrWhiteSpace(desc.Value));
        Assert.Same(root, title.Parent);
        Assert.Same(root, desc.Parent);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NumbersAreInvariantAndRounded(string name)
    {
        var doc = RenderFr(SampleCharts.All[name]);
        foreach (var a in doc.Descendants().Attributes())
        {
            string local = a.Name.LocalName;
            if (NumericAttributes.Contains(local))
            {
                Assert.Matches(Number(), a.Value);
            }
            else if (local == "d")
            {
                Assert.Matches(PathData(), a.Value);
            }
            else if (local is "viewBox" or "transform")
            {
                Assert.DoesNotMatch(DecimalComma(), a.Value);
            }
        }

        foreach (var t in doc.Descendants(Svg + "text"))
        {
            Assert.DoesNotMatch(DecimalComma(), t.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void IdsArePrefixedUniqueAndReferencesResolve(string name)
    {
        var chart = SampleCharts.All[name];
        var doc = RenderFr(chart);
        string prefix = chart.Options.IdPrefix!;
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith(prefix + "-", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());

        foreach (var a in doc.Descendants().Attributes())
        {
            foreach (Match m in Regex.Matches(a.Value, @"url\(#([^)]+)\)"))
            {
                Assert.Contains(m.Groups[1].Value, ids);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NoExternalResourcesOrStyles(string name)
    {
        string svg = SampleCharts.All[name].ToSvg();
        Assert.DoesNotContain("href", svg);
        Assert.DoesNotContain("<style", svg);
        Assert.DoesNotContain("@import", svg);
        var doc = XDocument.Parse(svg);
        Assert.NotEmpty(doc.Descendants(Svg + "text"));
        Assert.Contains("sans-serif", (string)doc.Root!.Attribute("font-family")!);
    }

    [Fact]
    public void UserTextIsEscapedAndRoundTrips()
    {
        const string nasty = "Élus & <acteurs> \"locaux\" l'été";
        var chart = new BarChart
        {
            Title = nasty,
            ValueLabel = "a<b",
            Categories = [nasty, "x&y"],
            Series = [new BarSeries("s'1", [1, 2])],
            Options = new ChartOptions { IdPrefix = "esc" },
        };
        string svg = chart.ToSvg();
        Assert.Contains("&amp;", svg);
        Assert.Contains("&lt;acteurs&gt;", svg);
        Assert.DoesNotContain("<acteurs>", svg);
        var doc = XDocument.Parse(svg);
        Assert.Equal(nasty, doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == nasty);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "x&y");
    }

    [Fact]
    public void InvalidXmlCharactersAreDropped()
    {
        var chart = new BarChart
        {
            Title = "bad\u0001char\uD800 and 😀 emoji",
            Categories = ["a\u0007"],
            Series = [new BarSeries("s", [1])],
        };
        var doc = XDocument.Parse(chart.ToSvg());
        string title = doc.Root!.Element(Svg + "title")!.Value;
        Assert.False(title.Contains('\u0001', StringComparison.Ordinal), "control character must be dropped");
        Assert.Contains("\uFFFD", title, StringComparison.Ordinal);
        Assert.Contains("😀", title);
    }

    [Fact]
    public void CallerDescriptionIsUsedAndDefaultMentionsTitle()
    {
        var a = SampleCharts.Forest() with { Description = "Texte alternatif fourni." };
        var docA = XDocument.Parse(a.ToSvg());
        Assert.Equal("Texte alternatif fourni.", docA.Root!.Element(Svg + "desc")!.Value);

        var docB = XDocument.Parse(SampleCharts.Forest().ToSvg());
        Assert.Contains("Effet des designs", docB.Root!.Element(Svg + "desc")!.Value);
        Assert.StartsWith("Forest plot", docB.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void SeveralChartsCanShareOnePageWithoutIdClashes()
    {
        var page = new XElement("div",
            SampleCharts.All.Values.Select(c => XElement.Parse(c.ToSvg())));
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void DefaultPrefixIsDeterministicAndDependsOnTitle()
    {
        var a = new ForestPlot { Title = "A", Rows = [] };
        var b = new ForestPlot { Title = "B", Rows = [] };
        Assert.Equal(a.ToSvg(), a.ToSvg());
        string idA = (string)XDocument.Parse(a.ToSvg()).Root!.Attribute("aria-labelledby")!;
        string idB = (string)XDocument.Parse(b.ToSvg()).Root!.Attribute("aria-labelledby")!;
        Assert.NotEqual(idA, idB);
        Assert.Matches("^chart-[0-9a-f]{8}-title ", idA);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a\"b")]
    [InlineData("")]
    public void InvalidIdPrefixThrows(string prefix)
    {
        var chart = SampleCharts.Forest() with { Options = new ChartOptions { IdPrefix = prefix } };
        var ex = Assert.Throws<ArgumentException>(() => chart.ToSvg());
        Assert.Contains("IdPrefix", ex.Message);
    }

    [Fact]
    public void PaletteIsOkabeItoInSeriesOrder()
    {
        Assert.Equal(["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"], Palette.OkabeIto);
        Assert.Equal("#E69F00", Palette.Categorical(8));
        string svg = SampleCharts.Bar().ToSvg();
        Assert.True(svg.IndexOf("#E69F00", StringComparison.Ordinal) < svg.IndexOf("#56B4E9", StringComparison.Ordinal));
    }

    [Fact]
    public void ViridisEndpointsAndMidpoint()
    {
        var v = SequentialColorScale.Viridis;
        Assert.Equal("#440154", v.ColorAt(0));
        Assert.Equal("#FDE725", v.ColorAt(1));
        Assert.Equal("#21918C", v.ColorAt(0.5));
        Assert.Equal("#440154", v.ColorAt(-3));
        Assert.Equal("#FDE725", v.ColorAt(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new SequentialColorScale(["#000000"]));
        Assert.Throws<ArgumentException>(() => new SequentialColorScale(["#000000", "red"]));
    }
}
