namespace Alliances.Cli.Tests;

/// <summary>`report --include` adds the sensitivity section of a folder written by `alliances sensitivity`.</summary>
public class ReportIncludeTests
{
    [Fact]
    public async Task Report_includes_a_sensitivity_folder_as_a_section()
    {
        using var tmp = new TempDir();
        string compare = tmp["compare"], sensitivity = tmp["sensitivity"];
        var c = await Cli.RunAsync("compare", RepoPaths.DefaultScenario, "--replications", "4", "--out", compare, "--quiet", "--no-report");
        Assert.Equal(0, c.ExitCode);
        var s = await Cli.RunAsync("sensitivity", RepoPaths.DefaultScenario, "--method", "morris", "--samples", "2", "--out", sensitivity, "--quiet");
        Assert.Equal(0, s.ExitCode);

        var r = await Cli.RunAsync("report", compare, "--include", sensitivity, "--no-png", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        string html = File.ReadAllText(Path.Combine(compare, "report.html"));
        Assert.Contains("id=\"sens-", html);
        Assert.DoesNotContain("http://", html);
    }

    [Fact]
    public async Task Report_refuses_an_include_that_is_not_a_results_folder()
    {
        using var tmp = new TempDir();
        string compare = tmp["compare"];
        Assert.Equal(0, (await Cli.RunAsync("compare", RepoPaths.DefaultScenario, "--replications", "3", "--out", compare, "--quiet", "--no-report")).ExitCode);
        Directory.CreateDirectory(tmp["empty"]);

        var r = await Cli.RunAsync("report", compare, "--include", tmp["empty"], "--no-png");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("holds no sensitivity", r.Stderr);
        Assert.False(File.Exists(Path.Combine(compare, "report.html")));
    }
}
