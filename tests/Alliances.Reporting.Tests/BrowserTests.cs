using Alliances.Reporting.Html;
using Alliances.Testing;
using Microsoft.Playwright;

namespace Alliances.Reporting.Tests;

/// <summary>Opens report.html from disk in headless Chromium (Playwright .NET, system browser, no download).</summary>
public sealed class BrowserTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Screenshots are kept next to the test assembly, e.g. bin/Debug/net10.0/screenshots/report-fr.png.</summary>
    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public Task FrenchReport_OpensWithoutErrors_ShowsChartsAndTables() => CheckReport("fr");

    [BrowserFact]
    public Task EnglishReport_OpensWithoutErrors_ShowsChartsAndTables() => CheckReport("en");

    private async Task CheckReport(string lang)
    {
        // Never download browsers: the system Chromium is used through ExecutablePath.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        string dir = SyntheticResults.Create(_tmp.Sub("results"));
        var output = HtmlReport.Write(dir, lang, exportPng: false);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = false, // the report needs no script
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, msg) =>
        {
            if (msg.Type is "error" or "warning")
            {
                errors.Add($"console {msg.Type}: {msg.Text}");
            }
        };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.RequestFailed += (_, r) => errors.Add("request failed: " + r.Url);
        page.Request += (_, r) => requests.Add(r.Url);

        var response = await page.GotoAsync(new Uri(output.HtmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response!.Ok);

        // The top of the page as the planner first sees it (before scrolling to each chart).
        Directory.CreateDirectory(ScreenshotDir);
        string top = Path.Combine(ScreenshotDir, $"report-{lang}-top.png");
        byte[] topPng = await page.ScreenshotAsync(new PageScreenshotOptions { Path = top, FullPage = false });

        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()));

        // Every expected chart: an <svg> inside its <figure>, visible and of a sensible rendered size.
        foreach (string id in HtmlReportTests.ExpectedCharts)
        {
            var svg = page.Locator($"figure#fig-{id} > svg");
            Assert.Equal(1, await svg.CountAsync());
            await svg.ScrollIntoViewIfNeededAsync();
            Assert.True(await svg.IsVisibleAsync(), $"chart {id} is not visible");
            var box = await svg.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width > 300 && box.Height > 120, $"chart {id} renders at {box.Width}×{box.Height}");
            Assert.True(await page.Locator($"figure#fig-{id} > figcaption").IsVisibleAsync());
        }

        Assert.Equal(HtmlReportTests.ExpectedCharts.Length, await page.Locator("figure.chart > svg").CountAsync());

        // Tables: the comparison, ranks and levers tables are visible and filled.
        foreach (string table in new[] { "table-core", "table-ranks", "table-levers" })
        {
            var t = page.Locator($"table#{table}");
            await t.ScrollIntoViewIfNeededAsync();
            Assert.True(await t.IsVisibleAsync(), $"table {table} is not visible");
            Assert.True(await t.Locator("tbody tr").CountAsync() >= 3, $"table {table} has too few rows");
        }

        Assert.True(await page.Locator("#provenance dl").IsVisibleAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());

        // Only the file itself is loaded: no network, no other resource.
        Assert.All(requests, u => Assert.Equal(new Uri(output.HtmlPath).AbsoluteUri, u));
        Assert.Empty(errors);

        // The whole page.
        string full = Path.Combine(ScreenshotDir, $"report-{lang}.png");
        byte[] fullPng = await page.ScreenshotAsync(new PageScreenshotOptions { Path = full, FullPage = true });

        foreach (var (name, png) in new[] { (top, topPng), (full, fullPng) })
        {
            Assert.True(png.Length > 20_000, $"{name} is only {png.Length} bytes");
            var image = PngImage.Decode(png);
            Assert.True(image.Width >= 1000, $"{name}: width {image.Width}");
            Assert.True(image.DistinctColors > 50, $"{name}: only {image.DistinctColors} distinct colours (blank page?)");
            Assert.True(image.InkShare > 0.03, $"{name}: only {image.InkShare:P1} of pixels are not white");
        }

        var fullImage = PngImage.Decode(fullPng);
        Assert.True(fullImage.Height > 5000, $"full-page screenshot is only {fullImage.Height} px high");

        // For reviewing by eye: the full page cut into screen-sized pieces (REPORT_SCREENSHOT_CHUNKS=1).
        if (Environment.GetEnvironmentVariable("REPORT_SCREENSHOT_CHUNKS") == "1")
        {
            const int Chunk = 1100;
            foreach (string old in Directory.GetFiles(ScreenshotDir, $"report-{lang}-part*.png"))
            {
                File.Delete(old);
            }

            for (int y = 0, k = 0; y < fullImage.Height; y += Chunk, k++)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    FullPage = true,
                    Clip = new Clip { X = 0, Y = y, Width = fullImage.Width, Height = Math.Min(Chunk, fullImage.Height - y) },
                    Path = Path.Combine(ScreenshotDir, $"report-{lang}-part{k:00}.png"),
                });
            }
        }

        await context.CloseAsync();
    }
}
