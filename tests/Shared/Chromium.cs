using Microsoft.Playwright;
using Xunit;

namespace Alliances.Testing;

/// <summary>
/// A test that needs the system Chromium (/usr/bin/chromium, installed by scripts/ci/install-deps.sh). It is skipped
/// when Chromium is missing on a developer machine, but runs (and fails) when the environment variable CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.Path) && !Chromium.IsCi)
            Skip = $"{Chromium.Path} not found (install chromium, or set CI=true to make this a failure).";
    }
}

/// <summary>Launches Debian's Chromium headless through Playwright .NET; never downloads a browser.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is required when CI=true (scripts/ci/install-deps.sh installs it).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Timeout = 60_000,
        });
    }
}
