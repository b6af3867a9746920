using Alliances.Testing;
using Microsoft.Playwright;

namespace Alliances.Workshop.Tests;

/// <summary>End to end: the page in headless Chromium (Playwright .NET, the system browser, never a download) against
/// a real server: French first, switch to English, change levers, run, numbers and charts change; an exercise's goal is
/// checked; screenshots are kept in bin/…/screenshots/workshop-*.png.</summary>
public sealed class BrowserTests
{
    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    private const float Slow = 180_000; // a run of a Debug build on a busy 2-core machine can take seconds

    [BrowserFact]
    public async Task Page_SwitchLanguage_ChangeLevers_Run_ChartsAndNumbersChange_ExerciseChecked()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var server = await WorkshopServer.StartAsync(new WorkshopOptions { Port = 0, ScenariosDirectory = Repo.Scenarios, QueueLimit = 16 });
        string origin = server.Address.GetLeftPart(UriPartial.Authority);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Slow);
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, msg) => { if (msg.Type is "error" or "warning") errors.Add($"console {msg.Type}: {msg.Text}"); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        page.RequestFailed += (_, r) => errors.Add("request failed: " + r.Url);
        page.Request += (_, r) => requests.Add(r.Url);

        // 1. French page; the first run (balanced vs decentralized) happens on load.
        var response = await page.GotoAsync(server.Address.ToString());
        Assert.True(response!.Ok);
        await page.WaitForSelectorAsync("body[data-ready='1']");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Atelier", await page.TitleAsync());
        Assert.Equal("Lancer la simulation ▶", (await page.TextContentAsync("#run"))?.Trim());
        await AssertResultsShown(page);
        Assert.Contains("Compromis cohésion–équité", await page.InnerHTMLAsync("#fig-tradeoff"));
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "workshop-fr-top.png") });

        // 2. English: texts, labels and (after the automatic re-run) charts in English; same numbers (same draws).
        string cohesionFr = await page.TextContentAsync("#kpi-cohesion_index .diff") ?? "";
        var rerun = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/run"));
        await page.ClickAsync("#lang-en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Run the simulation ▶", (await page.TextContentAsync("#run"))?.Trim());
        Assert.Contains("Regional concertation table", await page.InnerTextAsync("#levers"));
        await rerun;
        await page.WaitForFunctionAsync("() => document.querySelector('#fig-tradeoff')?.innerHTML.includes('Cohesion–equity trade-off')");
        string cohesionEn = await page.TextContentAsync("#kpi-cohesion_index .diff") ?? "";
        Assert.Equal(cohesionFr.Replace(',', '.'), cohesionEn);
        string tradeoffBefore = await page.InnerHTMLAsync("#fig-tradeoff");
        string tableBefore = await page.InnerTextAsync("#diff-table");
        string whyBefore = await page.InnerTextAsync("#why");

        // 3. Change levers: the decentralized pole with an equalising split and funded animation.
        await page.SelectOptionAsync("#design-preset", "decentralized");
        await page.SelectOptionAsync("#lv-localSplit", "CapacityCompensating");
        await page.SelectOptionAsync("#lv-coordination", "FundedAnimation");
        Assert.Equal(2, await page.Locator(".lever.changed").CountAsync());
        Assert.Contains("2 levers changed", await page.TextContentAsync("#changed-count"));
        await Run(page);
        await AssertResultsShown(page);
        string cohesionAfter = await page.TextContentAsync("#kpi-cohesion_index .diff") ?? "";
        Assert.NotEqual(cohesionEn, cohesionAfter);
        Assert.NotEqual(tradeoffBefore, await page.InnerHTMLAsync("#fig-tradeoff"));
        Assert.NotEqual(tableBefore, await page.InnerTextAsync("#diff-table"));
        Assert.NotEqual(whyBefore, await page.InnerTextAsync("#why"));
        Assert.Contains("Decentralized (2017-2023), modified", await page.TextContentAsync("#meta"));
        Assert.Contains("Computed in", await page.TextContentAsync("#status"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "workshop-en.png"), FullPage = true });
        await page.Locator(".pair").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDir, "workshop-en-tradeoff-why.png") });
        await page.Locator(".bands").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDir, "workshop-en-bands.png") });

        // 4. A guided exercise (back in French): the start does not reach the goal; the combined levers do.
        await page.ClickAsync("#lang-fr");
        await page.WaitForFunctionAsync("() => document.querySelector('#fig-tradeoff')?.innerHTML.includes('Compromis')");
        await page.ClickAsync("[data-exercise='equity-without-table'] button");
        Assert.True(await page.IsVisibleAsync("#exercise-panel"));
        Assert.Equal("decentralized", await page.InputValueAsync("#design-preset"));
        Assert.True(await page.IsDisabledAsync("#lv-regionalTable"), "the constrained lever is locked");
        await Run(page);
        Assert.Equal("false", await page.GetAttributeAsync("#goal-status", "data-reached"));
        await page.ClickAsync("#exercise-panel button.ghost"); // first hint
        Assert.Contains("→", await page.InnerTextAsync("#exercise-panel"));
        await page.SelectOptionAsync("#lv-localSplit", "CapacityCompensating");
        await page.SelectOptionAsync("#lv-coordination", "FundedAnimation");
        await page.EvalOnSelectorAsync("#lv-weakTerritorySupport", "e => { e.value = '0.5'; e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change')); }");
        await Run(page);
        Assert.Equal("true", await page.GetAttributeAsync("#goal-status", "data-reached"));
        Assert.Contains("Objectif atteint", await page.TextContentAsync("#goal-status"));
        Assert.Equal(3, await page.Locator("#exercise-panel .mark.ok").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "workshop-fr-exercise.png"), FullPage = true });

        // Nothing but the server itself was contacted, and nothing went wrong.
        Assert.All(requests, u => Assert.StartsWith(origin, u));
        Assert.Empty(errors);

        foreach (string name in new[] { "workshop-fr-top.png", "workshop-en.png", "workshop-fr-exercise.png" })
        {
            var image = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(ScreenshotDir, name)));
            Assert.True(image.Width >= 1400, $"{name}: width {image.Width}");
            Assert.True(image.DistinctColors > 100, $"{name}: only {image.DistinctColors} colours (blank page?)");
            Assert.True(image.InkShare > 0.05, $"{name}: only {image.InkShare:P1} of pixels are not white");
        }
        await context.CloseAsync();
    }

    private static async Task Run(IPage page)
    {
        var done = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/run"));
        await page.ClickAsync("#run");
        var resp = await done;
        Assert.Equal(200, resp.Status);
        await page.WaitForFunctionAsync("() => !document.querySelector('#run').disabled");
    }

    private static async Task AssertResultsShown(IPage page)
    {
        foreach (string id in new[] { "fig-tradeoff", "fig-mobilization", "fig-experts", "fig-forest" })
        {
            var svg = page.Locator($"figure#{id} > svg");
            Assert.Equal(1, await svg.CountAsync());
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 250, Height: > 150 }, $"{id} renders at {box?.Width}×{box?.Height}");
        }
        Assert.True(await page.Locator("#why li").CountAsync() >= 1);
        Assert.True(await page.Locator("#diff-table tbody tr").CountAsync() >= 20);
        Assert.False(await page.IsVisibleAsync("#error"));
    }
}
