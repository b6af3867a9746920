using System.Diagnostics;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Uncertainty;
using Alliances.Reporting.Sensitivity;

namespace Alliances.Cli.Tests;

/// <summary>Scenarios and folder helpers of the sensitivity, robustness and discover CLI tests.</summary>
internal static class UncertaintyCli
{
    /// <summary>24 months, 4 territories; three uncertain parameters and one explored lever of "balanced".</summary>
    public const string Scenario = """
        {
          "name": "cli-sens",
          "seed": 9,
          "edition": { "months": 24 },
          "region": { "generator": { "territories": 4 } },
          "parameters": {
            "concertation.expert_influence": { "uniform": [0, 0.5] },
            "projects.effect_per_million": { "uniform": [1.5, 5.0] },
            "mobilization.rate": { "triangular": [0.05, 0.12, 0.25] }
          },
          "uncertainty": { "explore": { "balanced.regionalShare": [0, 0.4] } }
        }
        """;

    /// <summary>Every file of a folder except the journal (whose header records the threads and the folder).</summary>
    public static Dictionary<string, byte[]> Results(string dir) =>
        Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != EvaluationJournal.FileName)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    public static void AssertSameFiles(string expected, string actual)
    {
        var a = Results(expected);
        var b = Results(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (k, v) in a) Assert.True(v.AsSpan().SequenceEqual(b[k]), $"{k} differs between {expected} and {actual}");
    }

    public static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes) : [];

    public static void AssertUnchanged(Dictionary<string, byte[]> before, string dir)
    {
        var after = Snapshot(dir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (k, v) in before) Assert.True(v.AsSpan().SequenceEqual(after[k]), $"{k} changed");
    }
}

public sealed class SensitivityCliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _scenario;

    public SensitivityCliTests() => _scenario = _dir.Write("sens.json", UncertaintyCli.Scenario);

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> Sensitivity(string method, string outName, params string[] extra) =>
        Cli.RunAsync(["sensitivity", _scenario, "--method", method, "--out", _dir[outName], "--quiet",
            "--metrics", "cohesion_index,equity_index", .. extra]);

    [Fact]
    public async Task Morris_runs_end_to_end_and_writes_the_files()
    {
        var r = await Sensitivity("morris", "morris", "--samples", "3", "--threads", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Morris r = 3, 4 factors + noise, 18 evaluations", r.Stdout);
        Assert.Contains("Most influential factors per metric", r.Stdout);
        string dir = _dir["morris"];
        var csv = File.ReadAllLines(Path.Combine(dir, "sensitivity.csv"));
        Assert.Equal("method,metric,factor,mu,mu_star,sigma", csv[0]);
        Assert.Equal(1 + 2 * 5, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("morris,equity_index,balanced.regionalShare,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("morris,equity_index,noise,", StringComparison.Ordinal));
        var samples = File.ReadAllLines(Path.Combine(dir, "samples.csv"));
        Assert.Equal(1 + 18, samples.Length);
        Assert.StartsWith("row,replication,role,projects.effect_per_million,mobilization.rate,concertation.expert_influence,balanced.regionalShare,noise,cohesion_index,", samples[0]);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(dir, "factors.csv")).Length);
        foreach (var m in new[] { "cohesion_index", "equity_index" })
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir, SensitivityFolder.ChartFile(m))));
        Assert.Contains("\"method\": \"morris\"", File.ReadAllText(Path.Combine(dir, "sensitivity.json")));

        string html = SensitivityReportSection.Build(dir, "fr");
        Assert.StartsWith("<section id=\"sensibilite\"", html);
        Assert.Contains("criblage de Morris", html);
        Assert.Equal(2, html.Split("<svg").Length - 1);
    }

    [Fact]
    public async Task Sobol_runs_end_to_end_with_intervals()
    {
        var r = await Sensitivity("sobol", "sobol", "--samples", "4", "--bootstrap", "50", "--threads", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Sobol N = 4, 4 factors + noise, 28 evaluations", r.Stdout);
        var csv = File.ReadAllLines(Path.Combine(_dir["sobol"], "sensitivity.csv"));
        Assert.Equal("method,metric,factor,first_order,first_low,first_high,total,total_low,total_high", csv[0]);
        Assert.Equal(1 + 2 * 5, csv.Length);
        Assert.All(csv.Skip(1), l => Assert.StartsWith("sobol,", l));
        Assert.Equal(1 + 28, File.ReadAllLines(Path.Combine(_dir["sobol"], "samples.csv")).Length);
        Assert.Contains("Sobol indices", SensitivityReportSection.Build(_dir["sobol"], "en"));
    }

    [Fact]
    public async Task Shared_noise_runs_each_trajectory_on_one_replication()
    {
        var r = await Sensitivity("morris", "shared", "--samples", "3", "--noise", "shared");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Morris r = 3, 4 factors, 15 evaluations", r.Stdout);
        var replications = File.ReadAllLines(Path.Combine(_dir["shared"], "samples.csv")).Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(Enumerable.Range(0, 3).SelectMany(t => Enumerable.Repeat(t.ToString(System.Globalization.CultureInfo.InvariantCulture), 5)), replications);
        Assert.Contains("\"noiseFactor\": false", File.ReadAllText(Path.Combine(_dir["shared"], "sensitivity.json")));
    }

    [Theory]
    [InlineData("morris", "4")]
    [InlineData("sobol", "4")]
    public async Task Outputs_are_byte_identical_for_one_and_two_threads(string method, string samples)
    {
        var one = await Sensitivity(method, "t1", "--samples", samples, "--threads", "1", "--bootstrap", "40");
        var two = await Sensitivity(method, "t2", "--samples", samples, "--threads", "2", "--bootstrap", "40");
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(two.ExitCode == 0, two.Stderr);
        UncertaintyCli.AssertSameFiles(_dir["t1"], _dir["t2"]);
    }

    [Fact]
    public async Task Resume_after_cancellation_gives_identical_files()
    {
        string slow = _dir.Write("slow.json", UncertaintyCli.Scenario.Replace("\"months\": 24", "\"months\": 36").Replace("\"territories\": 4", "\"territories\": 5"));
        // 150 Morris trajectories over 5 factors = 900 evaluations: a few seconds, so a cancellation after the third
        // committed record always lands mid-run (at 30 trajectories an idle machine could finish before it).
        string[] Args(string outName, string threads) =>
            ["sensitivity", slow, "--samples", "150", "--threads", threads, "--quiet", "--metrics", "cohesion_index,effectiveness", "--out", _dir[outName]];

        string journal = Path.Combine(_dir["cut"], EvaluationJournal.FileName);
        using var cts = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = CliApp.RunAsync(Args("cut", "1"), stdout, stderr, cts.Token);
        var clock = Stopwatch.StartNew();
        while (!run.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (Records(journal) >= 3) { cts.Cancel(); break; }
            await Task.Delay(5);
        }
        int code = await run;
        Assert.True(code == 130, $"expected an interrupted run (exit 130), got {code}: {stderr}");
        Assert.Contains("--resume", stderr.ToString());
        long saved = Records(journal);
        Assert.InRange(saved, 3, 899);
        Assert.False(File.Exists(Path.Combine(_dir["cut"], "sensitivity.csv")));

        var resumed = await Cli.RunAsync([.. Args("cut", "2"), "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"{saved} resumed from the journal", resumed.Stdout);
        var whole = await Cli.RunAsync(Args("whole", "2"));
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        UncertaintyCli.AssertSameFiles(_dir["whole"], _dir["cut"]);
    }

    private static long Records(string journal)
    {
        if (!File.Exists(journal)) return 0;
        try { return Journal.Scan(journal).Records; }
        catch (Exception e) when (e is IOException or InvalidDataException) { return 0; }
    }

    [Theory]
    [InlineData("--method", "fast")]
    [InlineData("--design", "nosuch")]
    [InlineData("--metrics", "cohesion_index,nosuch")]
    [InlineData("--samples", "1")]
    [InlineData("--samples", "x")]
    [InlineData("--include", "Q")]
    [InlineData("--threads", "0")]
    [InlineData("--levels", "3")]
    [InlineData("--noise", "none")]
    public async Task Bad_options_exit_2_and_write_nothing(string option, string value)
    {
        var r = await Cli.RunAsync("sensitivity", _scenario, option, value, "--quiet", "--out", _dir["bad"]);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains("error", r.Stderr);
        Assert.False(Directory.Exists(_dir["bad"]) && Directory.EnumerateFileSystemEntries(_dir["bad"]).Any());
    }

    [Fact]
    public async Task A_scenario_without_uncertain_factors_exits_2()
    {
        string none = _dir.Write("none.json", """{ "name": "none", "edition": { "months": 6 }, "uncertainty": { "includeRegistry": "none" } }""");
        var r = await Cli.RunAsync("sensitivity", none, "--quiet", "--out", _dir["none"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no uncertain factor", r.Stderr);
        var missing = await Cli.RunAsync("sensitivity", _dir["missing.json"], "--quiet");
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task Describe_lists_the_uncertain_parameters_and_explored_levers()
    {
        var r = await Cli.RunAsync("describe", _scenario);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Uncertain parameters (3; registry tags included: U):", r.Stdout);
        Assert.Contains("Explored levers (1):", r.Stdout);
        Assert.Matches(@"  - balanced\.regionalShare\s+uniform\(0, 0\.4\)", r.Stdout);
    }

    [Fact]
    public async Task Existing_results_are_kept_unless_resume_or_force()
    {
        var first = await Sensitivity("morris", "keep", "--samples", "2");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var before = UncertaintyCli.Snapshot(_dir["keep"]);
        var again = await Sensitivity("morris", "keep", "--samples", "2");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Stderr);
        var other = await Sensitivity("morris", "keep", "--samples", "3", "--resume");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("sampling plan", other.Stderr);
        UncertaintyCli.AssertUnchanged(before, _dir["keep"]);
        var forced = await Sensitivity("morris", "keep", "--samples", "3", "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal(1 + 3 * 6, File.ReadAllLines(Path.Combine(_dir["keep"], "samples.csv")).Length);
    }
}
