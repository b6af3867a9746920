using Alliances.Experiments.Validation;

namespace Alliances.Cli.Tests;

/// <summary>
/// `alliances validate` end to end at a reduced R. At R = 8 only the targets that are robust at that R are asserted to
/// PASS: (a) (mean alignment ≈ 0.93, sd ≈ 0.04), (c) (structural), (d), (e), (f), (h), and the regional_projects row of
/// (b). The coverage row of (b) (≈ −0.07, resolved from R ≈ 30), its alignment row (≈ −0.008 at R = 200) and hence (g),
/// which repeats every model target with the experts' influence at 0, need larger R to resolve, so they are not
/// asserted here; at the default R = 200 all targets passed (docs/CALIBRATION.md).
/// </summary>
public sealed class ValidateTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string ScenarioDir => Path.Combine(RepoPaths.Root, "scenarios");

    [Fact]
    public async Task Validate_runs_end_to_end_and_writes_validation_csv()
    {
        var outDir = _tmp["v"];
        var r = await Cli.RunAsync("validate", "--replications", "8", "--threads", "2", "--scenarios", ScenarioDir, "--out", outDir);
        Assert.True(r.ExitCode is 0 or ValidateCommandExit.TargetsFailed, r.Stderr);
        var csv = Path.Combine(outDir, ValidationCsv.FileName);
        Assert.True(File.Exists(csv));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp")); // written atomically
        var lines = File.ReadAllLines(csv);
        Assert.Equal("target,expected,statistic,value,ci95_low,ci95_high,pass", lines[0]);
        var rows = lines.Skip(1).Select(ParseCsv).ToList();
        foreach (var id in new[] { "a", "b", "c", "d", "e", "f", "g", "h" }) Assert.Contains(rows, x => x[0] == id);
        Assert.All(rows, x => Assert.True(x[6] is "true" or "false"));

        foreach (var id in new[] { "a", "c", "d", "e", "f", "h" })
            Assert.All(rows.Where(x => x[0] == id), x => Assert.True(x[6] == "true", $"({id}) {x[2]} = {x[3]} [{x[4]}, {x[5]}] expected {x[1]}"));
        Assert.Equal("true", rows.Single(x => x[0] == "b" && x[2].Contains("regional_projects", StringComparison.Ordinal))[6]);
        Assert.Equal(3, rows.Count(x => x[0] == "b"));

        // Directional rows carry a CI; the console shows each target with PASS/FAIL.
        Assert.All(rows.Where(x => x[0] is "b" or "d" or "h"), x => Assert.NotEqual("", x[4]));
        Assert.Contains("(a) Regional lever and alignment", r.Stdout);
        Assert.Matches(@"\(h\) .*: (PASS|FAIL)", r.Stdout);
        Assert.Contains("Results written to", r.Stdout);
        Assert.Contains("validate: as-is-2017-2023.json: 7 designs x 8 replications", r.Stderr);
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting).</summary>
    private static string[] ParseCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }

    [Fact]
    public async Task Too_few_replications_or_missing_scenarios_exit_2()
    {
        var a = await Cli.RunAsync("validate", "--replications", "2", "--scenarios", ScenarioDir, "--out", _tmp["a"]);
        Assert.Equal(2, a.ExitCode);
        var b = await Cli.RunAsync("validate", "--replications", "5", "--scenarios", _tmp["none"], "--out", _tmp["b"]);
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("not found", b.Stderr);
        _tmp.Write("only/default.json", File.ReadAllText(Path.Combine(ScenarioDir, "default.json")));
        var c = await Cli.RunAsync("validate", "--replications", "5", "--scenarios", _tmp["only"], "--out", _tmp["c"]);
        Assert.Equal(2, c.ExitCode);
        Assert.Contains("as-is-2017-2023.json", c.Stderr);
        Assert.False(Directory.Exists(_tmp["c"]));
    }

    [Fact]
    public void Csv_quotes_fields_and_leaves_missing_intervals_empty()
    {
        var report = new ValidationReport(3, [new TargetOutcome("c", "t", [new ValidationCheck("c", "5 a / 2 b", "x, \"y\"", 1, double.NaN, double.NaN, true)])],
            TimeSpan.Zero, 0);
        Assert.Equal("target,expected,statistic,value,ci95_low,ci95_high,pass\nc,5 a / 2 b,\"x, \"\"y\"\"\",1,,,true\n", ValidationCsv.Format(report));
    }

    [Fact]
    public void Quantile_and_sd_intervals_bracket_the_estimate()
    {
        var sorted = Enumerable.Range(0, 1000).Select(i => i / 999.0).ToArray();
        var (q, lo, hi) = CalibrationValidator.Quantile(sorted, 0.1);
        Assert.Equal(0.1, q, 6);
        Assert.True(lo < q && q < hi && hi - lo < 0.05);
        var (slo, shi) = CalibrationValidator.SdCi(1000, 0.3);
        Assert.True(slo < 0.3 && 0.3 < shi && shi - slo < 0.03);
    }
}

internal static class ValidateCommandExit
{
    public const int TargetsFailed = Alliances.Cli.Commands.ValidateCommand.TargetsFailed;
}

