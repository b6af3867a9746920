using Alliances.Testing;
using Alliances.Reporting.Html;
using Microsoft.Playwright;

namespace Alliances.Reporting.Tests;

/// <summary>
/// Tools for looking at a report by eye; every test here does nothing unless its environment variable is set.
/// <list type="bullet">
/// <item>REPORT_SAMPLE_DIR=/tmp/x: writes the synthetic results folder and its report there (REPORT_SAMPLE_LANG=en for English).</item>
/// <item>REPORT_SHOOT_DIR=/path/to/results: screenshots report.html of that folder into screenshots/shoot-partNN.png.</item>
/// </list>
/// </summary>
public sealed class DevOutput
{
    [Fact]
    public void WriteSample()
    {
        string? dir = Environment.GetEnvironmentVariable("REPORT_SAMPLE_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            return;
        }

        SyntheticResults.Create(dir);
        HtmlReport.Write(dir, Environment.GetEnvironmentVariable("REPORT_SAMPLE_LANG") ?? "fr");
    }

    [Fact]
    public async Task ShootReport()
    {
        string? dir = Environment.GetEnvironmentVariable("REPORT_SHOOT_DIR");
        if (string.IsNullOrEmpty(dir) || !File.Exists(Chromium.Path))
        {
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(Path.GetFullPath(Path.Combine(dir, HtmlReport.FileName))).AbsoluteUri);
        var image = PngImage.Decode(await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }));
        string outDir = BrowserTests.ScreenshotDir;
        Directory.CreateDirectory(outDir);
        foreach (string old in Directory.GetFiles(outDir, "shoot-part*.png"))
        {
            File.Delete(old);
        }

        for (int y = 0, k = 0; y < image.Height; y += 1100, k++)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                FullPage = true,
                Clip = new Clip { X = 0, Y = y, Width = image.Width, Height = Math.Min(1100, image.Height - y) },
                Path = Path.Combine(outDir, $"shoot-part{k:00}.png"),
            });
        }
    }
}
