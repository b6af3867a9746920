namespace Alliances.Charts.Tests;

/// <summary>
/// Each sample chart must render byte-identically to its committed golden file under three cultures.
/// Regenerate with <c>UPDATE_GOLDEN=1 dotnet test tests/Alliances.Charts.Tests</c> (invariant culture writes).
/// </summary>
public class GoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in SampleCharts.All.Keys)
        {
            foreach (string culture in new[] { "", "en-US", "fr-CA" })
            {
                data.Add(name, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersExactlyAsGoldenFile(string name, string culture)
    {
        string svg;
        using (new CultureScope(culture))
        {
            svg = SampleCharts.All[name].ToSvg();
        }

        if (Golden.Updating)
        {
            if (culture.Length == 0)
            {
                Golden.Write(name, svg);
            }
            else
            {
                string invariant;
                using (new CultureScope(""))
                {
                    invariant = SampleCharts.All[name].ToSvg();
                }

                Assert.Equal(invariant, svg);
            }

            return;
        }

        Assert.True(File.Exists(Golden.PathOf(name)), $"Missing golden file {Golden.PathOf(name)}; run with UPDATE_GOLDEN=1.");
        Assert.Equal(Golden.Read(name), svg);
    }

    [Fact]
    public void CulturesActuallyDifferInDecimalSeparator()
    {
        // Guards the premise of the culture theory: fr-CA must use a decimal comma in this environment.
        using var scope = new CultureScope("fr-CA");
        Assert.Equal("0,5", 0.5.ToString(System.Globalization.CultureInfo.CurrentCulture));
    }
}
