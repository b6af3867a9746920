using Alliances.Model;
using Alliances.Reporting.Html;

namespace Alliances.Reporting.Tests;

/// <summary>Prose number formatting and names, independent of the current culture.</summary>
public sealed class ReportTextsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("fr-CA")]
    public void French_UsesDecimalCommaNarrowGroupsAndSpacedPercent(string culture)
    {
        using var _ = new CultureScope(culture);
        var t = ReportTexts.Fr;
        Assert.Equal("0,12", t.Number(0.1234, 2));
        Assert.Equal("−0,12", t.Number(-0.1234, 2));
        Assert.Equal("0,00", t.Number(-0.0001, 2));
        Assert.Equal("+0,12", t.Signed(0.1234, 2));
        Assert.Equal("0,00", t.Signed(0.0001, 2));
        Assert.Equal("12\u202F345,7", t.Number(12345.67, 1));
        Assert.Equal("87\u00A0%", t.Percent(0.8712));
        Assert.Equal("100\u00A0%", t.Percent(1));
        Assert.Equal("> 99\u00A0%", t.Percent(0.997));
        Assert.Equal("< 1\u00A0%", t.Percent(0.002));
        Assert.Equal("0\u00A0%", t.Percent(0));
        Assert.Equal("[0,10\u00A0; 0,14]", t.Interval(0.1, 0.14, 2));
        Assert.Equal("n.d.", t.Number(double.NaN, 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr-CA")]
    public void English_UsesDecimalPoint(string culture)
    {
        using var _ = new CultureScope(culture);
        var t = ReportTexts.En;
        Assert.Equal("0.12", t.Number(0.1234, 2));
        Assert.Equal("−0.12", t.Signed(-0.1234, 2));
        Assert.Equal("12,345.7", t.Number(12345.67, 1));
        Assert.Equal("87%", t.Percent(0.8712));
        Assert.Equal("[0.10, 0.14]", t.Interval(0.1, 0.14, 2));
    }

    [Fact]
    public void Decimals_FollowScaleAndIntervalWidth()
    {
        var unit = new MetricInfo("x", Better.Higher, 0, 1, "", "", true);
        var wide = new MetricInfo("y", Better.Higher, 0, 50, "", "", true);
        Assert.Equal(2, ReportTexts.Decimals(unit));
        Assert.Equal(2, ReportTexts.Decimals(unit, 0.05));
        Assert.Equal(3, ReportTexts.Decimals(unit, 0.004));
        Assert.Equal(1, ReportTexts.Decimals(wide, 1.2));
        Assert.Equal(4, ReportTexts.Decimals(unit, 1e-9));
    }

    [Fact]
    public void DesignNames_AreTranslatedAndElided()
    {
        Assert.Equal("Équilibré", ReportTexts.Fr.Design("balanced"));
        Assert.Equal("Balanced", ReportTexts.En.Design("balanced"));
        Assert.Equal("l'équilibré", ReportTexts.Fr.DesignObject("balanced"));
        Assert.Equal("le décentralisé", ReportTexts.Fr.DesignObject("decentralized"));
        Assert.Equal("Le scénario « mon-plan »", ReportTexts.Fr.DesignSubject("mon-plan"));
        Assert.Equal("mon-plan", ReportTexts.Fr.Design("mon-plan"));
    }

    [Fact]
    public void FrenchSpacing_KeepsPunctuationWithItsWord()
    {
        Assert.Equal("«\u00A0x\u00A0»\u00A0: 5\u00A0%\u00A0; ok\u00A0?", ReportTexts.FrenchSpacing("« x » : 5 % ; ok ?"));
    }

    [Fact]
    public void EveryCatalogMetric_HasAFrenchAndEnglishLabel()
    {
        foreach (var m in MetricCatalog.All)
        {
            Assert.NotEqual(ReportTexts.Fr.MetricLabel(m.Name), ReportTexts.En.MetricLabel(m.Name) + "?");
            Assert.DoesNotContain("_", ReportTexts.Fr.MetricLabel(m.Name));
            Assert.DoesNotContain("_", ReportTexts.En.MetricLabel(m.Name));
            Assert.DoesNotContain("«", ReportTexts.Fr.MetricProse(m.Name));
        }
    }

    [Fact]
    public void EveryLeverAndEnumValue_HasALabel()
    {
        foreach (var p in typeof(Levers).GetProperties().Where(p => p.CanWrite))
        {
            Assert.True(ReportTexts.HasLeverLabel(p.Name), $"lever {p.Name} has no label");
            if (p.PropertyType.IsEnum)
            {
                foreach (string v in Enum.GetNames(p.PropertyType))
                {
                    Assert.True(ReportTexts.HasLeverValue(v), $"value {p.PropertyType.Name}.{v} has no label");
                }
            }
        }
    }

    [Fact]
    public void LeverValues_InWords()
    {
        var json = System.Text.Json.JsonDocument.Parse("""{"a": true, "b": 0.2, "c": "TableDesPrefets", "d": 1, "e": 24}""").RootElement;
        Assert.Equal("oui", ReportTexts.Fr.LeverValue("regionalTable", json.GetProperty("a")));
        Assert.Equal("20\u00A0%", ReportTexts.Fr.LeverValue("regionalShare", json.GetProperty("b")));
        Assert.Equal("Table des préfets", ReportTexts.Fr.LeverValue("decisionBody", json.GetProperty("c")));
        Assert.Equal("Regional table", ReportTexts.En.LeverValue("decisionBody", json.GetProperty("d")));
        Assert.Equal("24", ReportTexts.En.LeverValue("projectDurationMonths", json.GetProperty("e")));
    }
}
