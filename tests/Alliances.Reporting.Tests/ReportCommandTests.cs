using Alliances.Cli.Infrastructure;

namespace Alliances.Reporting.Tests;

/// <summary>`alliances report DIR [--lang fr|en] [--design NAME]` through the in-process CLI seam.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task MissingFolder_ExitsWith2AndSaysSo()
    {
        string dir = _tmp.Sub("nothing-here");
        var (code, _, err) = await Run("report", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("not found", err);
        Assert.Contains(dir, err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task FolderWithoutResults_ExitsWith2AndListsMissingFiles()
    {
        string dir = _tmp.Sub("empty");
        Directory.CreateDirectory(dir);
        var (code, _, err) = await Run("report", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("runs.csv", err);
        Assert.Contains("manifest.json", err);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task IncompleteFolder_ExitsWith2()
    {
        string dir = SyntheticResults.Create(_tmp.Sub("results"), "paired.csv");
        var (code, _, err) = await Run("report", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("paired.csv", err);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task UnknownDesign_ExitsWith2()
    {
        string dir = SyntheticResults.Create(_tmp.Sub("results"));
        var (code, _, err) = await Run("report", dir, "--design", "nope");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope", err);
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task UnknownLanguage_ExitsWith2()
    {
        string dir = SyntheticResults.Create(_tmp.Sub("results"));
        var (code, _, _) = await Run("report", dir, "--lang", "de");
        Assert.Equal(ExitCodes.BadInput, code);
    }

    [Fact]
    public async Task CompleteFolder_WritesFrenchReportByDefault()
    {
        string dir = SyntheticResults.Create(_tmp.Sub("results"));
        var (code, stdout, err) = await Run("report", dir, "--no-png");
        Assert.True(code == ExitCodes.Success, err);
        Assert.Contains("report.html", stdout);
        Assert.Contains("<html lang=\"fr\">", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.True(File.Exists(Path.Combine(dir, "charts", "tradeoff.svg")));
    }

    [Fact]
    public async Task CompleteFolder_English_WithDesign()
    {
        string dir = SyntheticResults.Create(_tmp.Sub("results"));
        var (code, _, err) = await Run("report", dir, "--lang", "en", "--design", "decentralized", "--no-png");
        Assert.True(code == ExitCodes.Success, err);
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Decentralized design", html);
    }
}
