using System.Globalization;
using Alliances.Reporting.Sensitivity;

namespace Alliances.Cli.Tests;

public sealed class RobustnessCliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _scenario;

    public RobustnessCliTests() => _scenario = _dir.Write("rob.json", UncertaintyCli.Scenario);

    public void Dispose() => _dir.Dispose();

    private static Dictionary<(string Design, string Metric), string[]> Rows(string file)
    {
        var lines = File.ReadAllLines(file);
        Assert.Equal("design,metric,better,mean,p10,p50,p90,worst_decile,regret_mean,regret_p90,regret_max,best_share", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]));
    }

    [Fact]
    public async Task Regret_is_zero_for_a_design_that_structurally_dominates_and_the_files_are_written()
    {
        // The centralized preset seats no expert anywhere, so its experts_voice is 0 and balanced is best in every sample.
        var r = await Cli.RunAsync("robustness", _scenario, "--designs", "balanced,centralized", "--samples", "12", "--threads", "2", "--quiet",
            "--require", "cohesion_index>=0.5", "--require", "territorial_gini<=0.5", "--out", _dir["rob"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("2 designs x 12 samples of 3 uncertain parameters", r.Stdout);
        Assert.Contains("Most robust design by criterion", r.Stdout);
        Assert.Contains("Satisficing: share of samples meeting every requirement (cohesion_index>=0.5 and territorial_gini<=0.5)", r.Stdout);
        var rows = Rows(_dir["rob/robustness.csv"]);
        var voice = rows[("balanced", "experts_voice")];
        Assert.Equal(new[] { "0", "0", "0", "1" }, voice[8..12]);
        Assert.Equal("0", rows[("centralized", "experts_voice")][3]); // mean
        var winners = File.ReadAllLines(_dir["rob/winners.csv"]);
        Assert.Contains("experts_voice,regret_max,balanced,0", winners);
        Assert.Equal(1 + 12 * 2, File.ReadAllLines(_dir["rob/samples.csv"]).Length);
        Assert.StartsWith("sample,replication_seed,design,projects.effect_per_million,mobilization.rate,concertation.expert_influence,cohesion_index,",
            File.ReadAllLines(_dir["rob/samples.csv"])[0]);
        var sat = File.ReadAllLines(_dir["rob/satisficing.csv"]);
        Assert.Equal("design,requirements,met,samples,share", sat[0]);
        Assert.Equal(3, sat.Length);
        // regret.csv: tidy rows whose regret is the distance from the best design of the sample.
        var regret = File.ReadAllLines(_dir["rob/regret.csv"]).Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "cohesion_index").ToList();
        foreach (var sample in regret.GroupBy(f => f[0]))
        {
            double best = sample.Max(f => double.Parse(f[3], CultureInfo.InvariantCulture));
            foreach (var f in sample) Assert.Equal(best - double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
        }
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(_dir["rob"], RobustnessFolder.ChartFile("experts_voice"))));
        string html = SensitivityReportSection.Build(_dir["rob"], "en");
        Assert.Contains("Robustness under uncertainty", html);
        Assert.Contains("Share of states in which all are met", html);
    }

    [Fact]
    public async Task Outputs_are_byte_identical_for_one_and_two_threads()
    {
        string[] Args(string outName, string threads) =>
            ["robustness", _scenario, "--samples", "6", "--threads", threads, "--quiet", "--out", _dir[outName]];
        var one = await Cli.RunAsync(Args("t1", "1"));
        var two = await Cli.RunAsync(Args("t2", "2"));
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(two.ExitCode == 0, two.Stderr);
        UncertaintyCli.AssertSameFiles(_dir["t1"], _dir["t2"]);
    }

    [Theory]
    [InlineData("--designs", "balanced")]
    [InlineData("--designs", "balanced,nosuch")]
    [InlineData("--require", "cohesion_index>0.5")]
    [InlineData("--require", "nosuch>=0.5")]
    [InlineData("--require", "cohesion_index>=abc")]
    [InlineData("--samples", "1")]
    [InlineData("--metrics", "projects_funded")]
    public async Task Bad_options_exit_2_and_write_nothing(string option, string value)
    {
        var r = await Cli.RunAsync("robustness", _scenario, option, value, "--quiet", "--out", _dir["bad"]);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.False(Directory.Exists(_dir["bad"]));
    }
}
