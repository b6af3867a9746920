using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Alliances.Cli.Commands;
using Alliances.Model;
using Alliances.Reporting;

namespace Alliances.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A small, fast scenario (24 months, 4 territories) extending nothing.</summary>
    private string SmallScenario(string name = "small") => _tmp.Write($"{name}.json", $$"""
        // short run for tests
        {
          "name": "{{name}}",
          "seed": 11,
          "edition": { "months": 24 },
          "region": { "generator": { "territories": 4 } },
          "parameters": { "concertation.expert_influence": { "uniform": [0, 0.5] }, },
        }
        """);

    private async Task<(CliResult Result, string Dir)> Run(string scenario, params string[] extra)
    {
        var dir = _tmp[$"out-{Guid.NewGuid():N}"];
        var result = await Cli.RunAsync(["run", scenario, "--out", dir, .. extra]);
        return (result, dir);
    }

    [Fact]
    public async Task Same_seed_gives_byte_identical_csv_files()
    {
        var (a, dirA) = await Run(RepoPaths.DefaultScenario, "--seed", "42");
        var (b, dirB) = await Run(RepoPaths.DefaultScenario, "--seed", "42");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        foreach (var file in new[] { RunCommand.TimeSeriesFile, RunCommand.MetricsFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dirA, file)), File.ReadAllBytes(Path.Combine(dirB, file)));
    }

    [Fact]
    public async Task Different_seeds_give_different_results()
    {
        var (a, dirA) = await Run(RepoPaths.DefaultScenario, "--seed", "1");
        var (b, dirB) = await Run(RepoPaths.DefaultScenario, "--seed", "2");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dirA, RunCommand.MetricsFile)), File.ReadAllBytes(Path.Combine(dirB, RunCommand.MetricsFile)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dirA, RunCommand.TimeSeriesFile)), File.ReadAllBytes(Path.Combine(dirB, RunCommand.TimeSeriesFile)));
    }

    [Theory]
    [InlineData("balanced")]
    [InlineData("centralized")]
    [InlineData("decentralized")]
    public async Task Every_end_metric_lies_within_its_declared_range(string design)
    {
        var (r, dir) = await Run(RepoPaths.DefaultScenario, "--design", design);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(dir, RunCommand.MetricsFile));
        Assert.Equal("metric,value", lines[0]);
        Assert.Equal(MetricCatalog.Count, lines.Length - 1);
        for (int i = 0; i < MetricCatalog.Count; i++)
        {
            var m = MetricCatalog.All[i];
            var parts = lines[i + 1].Split(',');
            Assert.Equal(m.Name, parts[0]);
            double v = double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(v >= m.Min && v <= m.Max, $"{m.Name} = {v} outside [{m.Min}, {m.Max}]");
        }
    }

    [Fact]
    public async Task Time_series_has_a_region_row_then_one_row_per_territory_each_month()
    {
        var (r, dir) = await Run(SmallScenario());
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(dir, RunCommand.TimeSeriesFile));
        Assert.Equal(string.Join(",", TimeSeriesCsvObserver.Header), lines[0]);
        Assert.Equal(["month", "scope", .. MetricCatalog.All.Select(m => m.Name), .. MetricCatalog.Territory.Names], TimeSeriesCsvObserver.Header);
        Assert.Equal(1 + 24 * 5, lines.Length);
        int columns = TimeSeriesCsvObserver.Header.Count;
        for (int month = 0; month < 24; month++)
        {
            var region = lines[1 + month * 5].Split(',');
            Assert.Equal(columns, region.Length);
            Assert.Equal(month.ToString(CultureInfo.InvariantCulture), region[0]);
            Assert.Equal("region", region[1]);
            Assert.All(region.Skip(2), f => Assert.NotEqual("", f));
            double fundingSum = 0;
            for (int t = 0; t < 4; t++)
            {
                var row = lines[2 + month * 5 + t].Split(',');
                Assert.Equal(columns, row.Length);
                Assert.Equal($"T{t + 1:00}", row[1]);
                Assert.All(row.Skip(2).Take(MetricCatalog.Count), f => Assert.Equal("", f));
                Assert.All(row.Skip(2 + MetricCatalog.Count), f => Assert.NotEqual("", f));
                fundingSum += double.Parse(row[2 + MetricCatalog.Count + MetricCatalog.Territory.Funding], CultureInfo.InvariantCulture);
            }
            double regionFunding = double.Parse(region[2 + MetricCatalog.Count + MetricCatalog.Territory.Funding], CultureInfo.InvariantCulture);
            Assert.Equal(fundingSum, regionFunding, 9);
        }
        // The last region row of the time series carries the end metrics.
        var last = lines[1 + 23 * 5].Split(',');
        var metrics = File.ReadAllLines(Path.Combine(dir, RunCommand.MetricsFile)).Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(metrics, last.Skip(2).Take(MetricCatalog.Count).ToArray());
    }

    [Fact]
    public async Task Manifest_records_scenario_hash_parameters_levers_seed_and_version()
    {
        var scenario = SmallScenario();
        var (r, dir) = await Run(scenario, "--design", "decentralized", "--seed", "99");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, RunCommand.ManifestFile)));
        var m = doc.RootElement;
        Assert.Equal("run", m.GetProperty("command").GetString());
        Assert.Equal("small", m.GetProperty("scenario").GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenario))), m.GetProperty("scenario").GetProperty("hash").GetString());
        Assert.Equal(99UL, m.GetProperty("seed").GetUInt64());
        Assert.Equal(0, m.GetProperty("replication").GetInt32());
        Assert.Equal("decentralized", m.GetProperty("design").GetProperty("name").GetString());
        var levers = m.GetProperty("design").GetProperty("levers");
        Assert.False(levers.GetProperty("regionalTable").GetBoolean());
        Assert.Equal("MrcCoSignatory", levers.GetProperty("localDecision").GetString());
        Assert.Equal(0.05, levers.GetProperty("regionalShare").GetDouble());
        var parameters = m.GetProperty("parameters");
        Assert.Equal(P.All.Count, parameters.EnumerateObject().Count());
        double influence = parameters.GetProperty("concertation.expert_influence").GetDouble();
        Assert.InRange(influence, 0, 0.5);
        Assert.NotEqual(P.ExpertInfluence.Default, influence);
        Assert.Equal(P.Ratification.Default, parameters.GetProperty("selection.ratification").GetDouble());
        Assert.False(string.IsNullOrEmpty(m.GetProperty("codeVersion").GetString()));
        Assert.True(m.TryGetProperty("gitCommit", out _));
        Assert.EndsWith("Z", m.GetProperty("createdUtc").GetString());
        Assert.Equal(4, m.GetProperty("region").GetProperty("territories").GetArrayLength());
        Assert.Equal([RunCommand.TimeSeriesFile, RunCommand.MetricsFile, RunCommand.ManifestFile],
            m.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToArray());
        // Nothing but the three files (no temporary folder left behind).
        Assert.Equal(3, Directory.GetFileSystemEntries(dir).Length);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, ".*tmp-*"));
    }

    [Fact]
    public async Task Prints_an_aligned_table_of_end_metrics()
    {
        var (r, _) = await Run(SmallScenario());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var rows = r.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => MetricCatalog.All.Any(m => l.StartsWith(m.Name + " ", StringComparison.Ordinal))).ToList();
        Assert.Equal(MetricCatalog.Count, rows.Count);
        // Values are right-aligned: each ends where the 'better' column's separator starts.
        Assert.Single(rows.Select(x => x.LastIndexOf("  ", StringComparison.Ordinal)).Distinct());
        Assert.Contains("higher", r.Stdout);
        Assert.Contains("lower", r.Stdout);
    }

    [Fact]
    public async Task Works_under_french_culture_without_decimal_commas()
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-CA");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-CA");
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            var (r, dir) = await Run(SmallScenario(), "--seed", "5");
            Assert.Equal(0, r.ExitCode);
            var lines = File.ReadAllLines(Path.Combine(dir, RunCommand.TimeSeriesFile));
            int columns = TimeSeriesCsvObserver.Header.Count;
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(',');
                Assert.Equal(columns, fields.Length);
                foreach (var f in fields.Skip(2).Where(f => f.Length > 0))
                    Assert.True(double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _), f);
            }
            foreach (var line in File.ReadAllLines(Path.Combine(dir, RunCommand.MetricsFile)).Skip(1))
                Assert.Equal(2, line.Split(',').Length);
            // The console table uses '.' too.
            Assert.Matches(@"cohesion_index\s+\d\.\d{4}\s", r.Stdout);
            Assert.DoesNotMatch(@"\d,\d{4}", r.Stdout);

            // Same bytes as under the invariant culture.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var (r2, dir2) = await Run(SmallScenario(), "--seed", "5");
            Assert.Equal(0, r2.ExitCode);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, RunCommand.TimeSeriesFile)), File.ReadAllBytes(Path.Combine(dir2, RunCommand.TimeSeriesFile)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public async Task Uses_the_default_design_and_output_folder_names_when_not_given()
    {
        var (r, dir) = await Run(SmallScenario());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("design 'balanced'", r.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, RunCommand.ManifestFile)));
        Assert.Equal("balanced", doc.RootElement.GetProperty("design").GetProperty("name").GetString());
        Assert.Equal(11UL, doc.RootElement.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public async Task Overwrites_an_existing_results_folder()
    {
        var dir = _tmp["again"];
        var first = await Cli.RunAsync("run", SmallScenario(), "--out", dir, "--seed", "1");
        var second = await Cli.RunAsync("run", SmallScenario(), "--out", dir, "--seed", "2");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, RunCommand.ManifestFile)));
        Assert.Equal(2UL, doc.RootElement.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public async Task Unknown_design_is_bad_input_and_creates_nothing()
    {
        var (r, dir) = await Run(SmallScenario(), "--design", "nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown design 'nope'", r.Stderr);
        Assert.Contains("balanced", r.Stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--seed", "-3")]
    [InlineData("--seed", "abc")]
    [InlineData("--bogus", "1")]
    public async Task Invalid_options_are_bad_input(string option, string value)
    {
        var (r, dir) = await Run(SmallScenario(), option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error:", r.Stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Missing_scenario_argument_or_file_is_bad_input()
    {
        var none = await Cli.RunAsync("run");
        Assert.Equal(2, none.ExitCode);
        var (missing, dir) = await Run(_tmp["does-not-exist.json"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does-not-exist.json", missing.Stderr);
        Assert.Contains("not found", missing.Stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Output_path_that_is_a_file_is_bad_input()
    {
        var file = _tmp.Write("occupied", "x");
        var r = await Cli.RunAsync("run", SmallScenario(), "--out", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("existing file", r.Stderr);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task Help_works_for_root_and_run()
    {
        var root = await Cli.RunAsync("--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("run", root.Stdout);
        var run = await Cli.RunAsync("run", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--design", run.Stdout);
        Assert.Contains("--seed", run.Stdout);
        Assert.Contains("--out", run.Stdout);
    }

    [Fact]
    public async Task Version_prints_the_code_version()
    {
        var r = await Cli.RunAsync("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Infrastructure.BuildInfo.CodeVersion, r.Stdout.Trim());
        Assert.StartsWith("0.", r.Stdout);
    }

    [Fact]
    public async Task No_command_is_bad_input()
    {
        var r = await Cli.RunAsync();
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public async Task A_run_that_fails_midway_leaves_no_output_folder()
    {
        var dir = _tmp["cancelled"];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int code = await Infrastructure.CliApp.RunAsync(["run", SmallScenario(), "--out", dir], stdout, stderr, cts.Token);
        Assert.Equal(1, code);
        Assert.Contains("cancelled", stderr.ToString());
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetDirectories(_tmp.Path, ".cancelled*"));
    }

    [Fact]
    public void Output_directory_left_uncommitted_leaves_nothing()
    {
        var target = _tmp["never"];
        string temp;
        using (var output = new RunOutputDirectory(target))
        {
            temp = output.TempPath;
            using (var s = output.Create("a.csv")) s.WriteByte(1);
            Assert.True(File.Exists(Path.Combine(temp, "a.csv")));
        }
        Assert.False(Directory.Exists(target));
        Assert.False(Directory.Exists(temp));
    }

    [Fact]
    public void Output_directory_commit_replaces_files_and_removes_the_temporary_folder()
    {
        var target = _tmp["committed"];
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "a.csv"), "old");
        File.WriteAllText(Path.Combine(target, "keep.txt"), "other");
        using (var output = new RunOutputDirectory(target))
        {
            File.WriteAllText(output.PathFor("a.csv"), "new");
            File.WriteAllText(output.PathFor("manifest.json"), "{}");
            var moved = output.Commit("a.csv", "manifest.json");
            Assert.Equal(["a.csv", "manifest.json"], moved);
            Assert.False(Directory.Exists(output.TempPath));
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.Equal("other", File.ReadAllText(Path.Combine(target, "keep.txt")));
    }
}
