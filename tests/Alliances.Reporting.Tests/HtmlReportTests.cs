using System.Text.RegularExpressions;
using System.Xml.Linq;
using Alliances.Reporting.Html;

namespace Alliances.Reporting.Tests;

/// <summary>The report built from a synthetic results folder: content, self-containment, invariant numbers in SVG.</summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Charts every complete results folder must give (ids of the figures, without the "fig-" prefix).</summary>
    public static readonly string[] ExpectedCharts =
    [
        "tradeoff",
        "dist-cohesion_index", "dist-priority_alignment", "dist-regional_priority_coverage", "dist-shared_vision",
        "dist-network_cohesion", "dist-mobilization",
        "dist-equity_index", "dist-territorial_gini", "dist-worst_territory_progress", "dist-capacity_gap",
        "dist-funding_need_concordance", "dist-experts_voice",
        "dist-experts_retention", "dist-effectiveness", "dist-sustainability", "dist-projects_funded", "dist-projects_per_territory",
        "ts-mobilization", "ts-priority_alignment", "ts-territorial_gini", "ts-expert_participation",
        "heatmap-progress",
        "forest-centralized-vs-decentralized", "forest-centralized-vs-balanced", "forest-decentralized-vs-balanced",
        "forest-effectiveness",
    ];

    private static readonly HashSet<string> NumericAttributes =
    [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size", "stroke-width",
        "fill-opacity", "stroke-opacity", "offset", "opacity",
    ];

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^([ML]-?\d+(\.\d+)?,-?\d+(\.\d+)?|Z)+$")]
    private static partial Regex PathData();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"<svg\b[\s\S]*?</svg>")]
    private static partial Regex SvgBlock();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    private string Results(params string[] omit) => SyntheticResults.Create(_tmp.Sub("results"), omit);

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Build_HasEveryChartAsAFigureWithInlineSvgAndCaption(string lang)
    {
        string html = HtmlReport.Build(Results(), lang);
        foreach (string id in ExpectedCharts)
        {
            var m = Regex.Match(html, $"<figure id=\"fig-{Regex.Escape(id)}\" class=\"chart\">\\s*<svg\\b([\\s\\S]*?)</svg>\\s*<figcaption>([\\s\\S]*?)</figcaption>\\s*</figure>");
            Assert.True(m.Success, $"figure '{id}' with an inline <svg> and a <figcaption> is missing");
            Assert.Contains($"aria-labelledby=\"{id}-title {id}-desc\"", m.Groups[1].Value);
            Assert.Contains($"<title id=\"{id}-title\">", m.Groups[1].Value);
            Assert.Contains($"<desc id=\"{id}-desc\">", m.Groups[1].Value);
            Assert.True(m.Groups[2].Value.Length > 40, $"caption of '{id}' is too short");
        }
    }

    [Fact]
    public void Build_French_ByDefault_WithVerdictsInFrenchNumbers()
    {
        string html = HtmlReport.Build(Results());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("<h2 id=\"h-en-bref\">En bref</h2>", html);
        // A verdict sentence in plain words, with share, mean difference and CI in French formatting.
        Assert.Matches("Le scénario (équilibré|centralisé|décentralisé) (dépasse|ne dépasse) (le |l')(équilibré|centralisé|décentralisé) sur l'indice d'équité (que )?dans \\d+\u00A0% des réplications appariées \\(écart moyen [+−]\\d+,\\d+\u00A0; IC 95\u00A0% [+−]?\\d+,\\d+ à [+−]?\\d+,\\d+\\)", html);
        Assert.Contains("Le scénario centralisé dépasse l'équilibré sur l'indice de cohésion", html);
        Assert.Contains("Méthode", html);
        Assert.Contains("nombres aléatoires communs", html);
        Assert.Contains("Student", html);
        Assert.Contains("classes fixes", html);
        Assert.Contains("inclut zéro", html);
    }

    [Fact]
    public void Build_English_WhenAsked()
    {
        string html = HtmlReport.Build(Results(), "en");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Key findings", html);
        Assert.Matches(@"The (balanced|centralized|decentralized) design beats the (balanced|centralized|decentralized) design on the equity index in (only )?\d+% of paired replications \(mean difference [+−]\d+\.\d+; 95% CI [+−]?\d+\.\d+ to [+−]?\d+\.\d+\)", html);
        Assert.Contains("common random numbers", html);
        Assert.DoesNotContain("réplications appariées", html);
    }

    [Fact]
    public void Build_BalancedBeatsDecentralizedOnEquity_IsStatedThatWay()
    {
        // In paired.csv the pair is (decentralized, balanced); with no ties the verdict is phrased from the winner.
        string html = HtmlReport.Build(Results());
        Assert.Contains("Le scénario équilibré dépasse le décentralisé sur l'indice d'équité dans 100\u00A0% des réplications appariées", html);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Build_HasComparisonTableScenarioAndProvenance(string lang)
    {
        string html = HtmlReport.Build(Results(), lang);
        var table = Regex.Match(html, "<table id=\"table-core\" class=\"metrics\">([\\s\\S]*?)</table>");
        Assert.True(table.Success);
        Assert.Contains("<caption>", table.Value);
        Assert.Contains("<th scope=\"col\"", table.Value);
        Assert.Contains("<th scope=\"row\"", table.Value);
        Assert.Equal(SyntheticResults.Designs.Length + 2, Regex.Matches(table.Groups[1].Value.Split("</thead>")[0], "<th ").Count);
        Assert.Contains("<table id=\"table-ranks\">", html);
        Assert.Contains("<table id=\"table-levers\" class=\"levers\">", html);
        Assert.Contains(lang == "fr" ? "Table des préfets" : "Regional decision body", html);

        Assert.Contains("<section id=\"provenance\"", html);
        Assert.Contains(SyntheticResults.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains(SyntheticResults.Hash, html);
        Assert.Contains(SyntheticResults.GitCommit, html);
        Assert.Contains("0.1.0+test", html);
        Assert.Contains("2025-01-15T10:20:30.000Z", html);
        Assert.Contains("cote-nord-test", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("fr-CA")]
    public void Build_SvgNumbersAreInvariant_UnderAnyCulture(string culture)
    {
        string dir = Results();
        foreach (string lang in new[] { "fr", "en" })
        {
            string html;
            using (new CultureScope(culture))
            {
                html = HtmlReport.Build(dir, lang);
            }

            var blocks = SvgBlock().Matches(html);
            Assert.True(blocks.Count >= ExpectedCharts.Length);
            foreach (Match block in blocks)
            {
                var doc = XDocument.Parse(block.Value);
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

                foreach (var e in doc.Descendants().Where(e => e.Name.LocalName is "text" or "title" or "desc" or "tspan"))
                {
                    Assert.DoesNotMatch(DecimalComma(), e.Value);
                }
            }
        }
    }

    [Fact]
    public void Build_IsIdenticalUnderEveryCulture()
    {
        string dir = Results();
        string Build(string c)
        {
            using (new CultureScope(c))
            {
                return HtmlReport.Build(dir);
            }
        }

        string invariant = Build("");
        Assert.Equal(invariant, Build("fr-CA"));
        Assert.Equal(invariant, Build("en-US"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Build_IsSelfContained(string lang)
    {
        string html = HtmlReport.Build(Results(), lang);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("@font-face", html);
        Assert.DoesNotContain("url(", html.Replace("url(#", "", StringComparison.Ordinal));
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=\"//", html);
        foreach (Match m in Regex.Matches(html, "href=\"([^\"]*)\""))
        {
            Assert.StartsWith("#", m.Groups[1].Value);
        }
    }

    [Fact]
    public void Build_IdsAreUniqueAcrossThePage()
    {
        string html = HtmlReport.Build(Results());
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (Match m in Regex.Matches(html, "href=\"#([^\"]+)\""))
        {
            Assert.Contains(m.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void Build_HeatmapDesign_CanBeChosen()
    {
        string dir = Results();
        Assert.Contains("Progrès par territoire et par mois — scénario Équilibré", HtmlReport.Build(dir));
        Assert.Contains("Progress by territory and month — Centralized design", HtmlReport.Build(dir, "en", "centralized"));
        var ex = Assert.Throws<ReportInputException>(() => HtmlReport.Build(dir, "fr", "nope"));
        Assert.Contains("nope", ex.Message);
        Assert.Contains("balanced", ex.Message);
    }

    [Fact]
    public void Build_AllTiedPair_IsStatedAsEqual()
    {
        string dir = Results();
        string path = Path.Combine(dir, "runs.csv");
        var lines = File.ReadAllLines(path);
        int col = Array.IndexOf(lines[0].Split(','), "experts_retention");
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f[0] == "centralized")
            {
                f[col] = "0";
                lines[i] = string.Join(",", f);
            }
        }

        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        string html = HtmlReport.Build(dir);
        Assert.Contains("Le scénario centralisé et le décentralisé obtiennent la même valeur pour la rétention des personnes expertes de vécu dans toutes les réplications appariées.", html);
    }

    [Fact]
    public void Build_TerritoryNamesWithAccents_AreKept()
    {
        string html = HtmlReport.Build(Results());
        Assert.Contains(">Haute-Côte-Nord<", html);
    }

    [Fact]
    public void Build_MissingOptionalFiles_GivesNotesInsteadOfCharts()
    {
        string html = HtmlReport.Build(Results("timeseries.csv", "territories.csv", "ranks.csv"));
        Assert.Contains("timeseries.csv", html);
        Assert.Contains("territories.csv", html);
        Assert.DoesNotContain("fig-ts-mobilization", html);
        Assert.DoesNotContain("fig-heatmap-progress", html);
        Assert.Contains("fig-tradeoff", html);
        Assert.Contains("class=\"missing\"", html);
    }

    [Theory]
    [InlineData("runs.csv")]
    [InlineData("summary.csv")]
    [InlineData("paired.csv")]
    [InlineData("manifest.json")]
    public void Build_MissingRequiredFile_Throws(string file)
    {
        var ex = Assert.Throws<ReportInputException>(() => HtmlReport.Build(Results(file)));
        Assert.Contains(file, ex.Message);
    }

    [Fact]
    public void Build_MissingFolder_Throws()
    {
        Assert.Throws<ReportInputException>(() => HtmlReport.Build(_tmp.Sub("does-not-exist")));
    }

    [Fact]
    public void Build_MalformedNumber_ThrowsWithFileName()
    {
        string dir = Results();
        string path = Path.Combine(dir, "summary.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[1].Split(',');
        fields[3] = "abc"; // mean
        lines[1] = string.Join(",", fields);
        File.WriteAllLines(path, lines);
        var ex = Assert.Throws<ReportInputException>(() => HtmlReport.Build(dir));
        Assert.Contains("summary.csv", ex.Message);
    }

    [Fact]
    public void Build_UnknownLanguage_Throws()
    {
        Assert.Throws<ReportInputException>(() => HtmlReport.Build(Results(), "de"));
    }

    [Fact]
    public void Write_WritesReportAndChartsAtomically()
    {
        string dir = Results();
        var output = HtmlReport.Write(dir, "fr");
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, "report.html")), output.HtmlPath);
        Assert.True(File.Exists(output.HtmlPath));
        string html = File.ReadAllText(output.HtmlPath);
        Assert.Equal(HtmlReport.Build(dir, "fr"), html);
        var bytes = File.ReadAllBytes(output.HtmlPath);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");

        foreach (string id in ExpectedCharts)
        {
            string svg = Path.Combine(dir, "charts", id + ".svg");
            Assert.True(File.Exists(svg), $"charts/{id}.svg is missing");
            var doc = XDocument.Parse(File.ReadAllText(svg));
            Assert.Equal("svg", doc.Root!.Name.LocalName);
            Assert.Equal("http://www.w3.org/2000/svg", doc.Root.Name.NamespaceName);
        }

        Assert.Equal(ExpectedCharts.Length, output.SvgPaths.Count);
        if (output.PngPaths.Count > 0)
        {
            Assert.Equal(output.SvgPaths.Count, output.PngPaths.Count);
            Assert.All(output.PngPaths, p => Assert.True(new FileInfo(p).Length > 1000));
        }

        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(dir, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Write_WithoutPng_WritesOnlySvg()
    {
        string dir = Results();
        var output = HtmlReport.Write(dir, "en", exportPng: false);
        Assert.Empty(output.PngPaths);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "charts"), "*.png"));
        Assert.Contains("<html lang=\"en\">", File.ReadAllText(output.HtmlPath));
    }
}
