using Alliances.Cli.Infrastructure;
using Alliances.Reporting.Csv;

namespace Alliances.Cli.Tests;

/// <summary>Helpers of the compare/merge CLI tests: a short scenario and an in-process CLI runner.</summary>
internal static class CompareCli
{
    /// <summary>Three presets, 12 months, 4 territories.</summary>
    public const string ShortScenario = """
        {
          "name": "cli-short",
          "seed": 5,
          "replications": 6,
          "edition": { "months": 12 },
          "region": { "generator": { "territories": 4 } }
        }
        """;

    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string NewDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "alliances-compare-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes) : [];

    public static readonly string[] Csvs =
    [
        ComparisonFiles.Runs, ComparisonFiles.Summary, ComparisonFiles.Paired, ComparisonFiles.Ranks,
        ComparisonFiles.Timeseries, ComparisonFiles.Territories,
    ];

    public static void AssertSameCsvs(string expected, string actual)
    {
        foreach (var f in Csvs)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))),
                $"{f} differs between {expected} and {actual}");
    }
}

public sealed class CompareCliTests : IDisposable
{
    private readonly string _dir = CompareCli.NewDir();
    private readonly string _scenario;

    public CompareCliTests() => _scenario = Path.Combine(_dir, "short.json");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private void WriteScenario() => File.WriteAllText(_scenario, CompareCli.ShortScenario);

    [Fact]
    public async Task Compare_writes_the_results_folder_and_prints_table_and_verdicts()
    {
        WriteScenario();
        var (code, stdout, stderr) = await CompareCli.Run("compare", _scenario, "--threads", "2", "--out", Out("r"));
        Assert.True(code == 0, stderr);
        foreach (var f in ComparisonFiles.Final) Assert.True(File.Exists(Path.Combine(Out("r"), f)), f);
        Assert.Contains("cohesion_index", stdout);
        Assert.Matches(@"(centralized|decentralized|balanced) [<>=] (centralized|decentralized|balanced) on equity_index", stdout);
        Assert.Contains("% of paired replications (mean ", stdout);
        Assert.Contains("95% CI", stdout);
        Assert.Contains("compare: 6/6 replications", stderr); // redirected stderr: plain progress lines
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out("r"), ComparisonFiles.Manifest)));
        var root = manifest.RootElement;
        Assert.Equal("compare", root.GetProperty("command").GetString());
        Assert.Equal(6, root.GetProperty("replications").GetInt32());
        Assert.Equal(3, root.GetProperty("designs").GetArrayLength());
        Assert.Equal("cli-short", root.GetProperty("scenario").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Quiet_prints_no_progress()
    {
        WriteScenario();
        var (code, _, stderr) = await CompareCli.Run("compare", _scenario, "--replications", "2", "--quiet", "--out", Out("q"));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData("--replications", "0", "replications must be positive")]
    [InlineData("--designs", "balanced,utopia", "unknown design 'utopia'")]
    [InlineData("--shard", "4/3", "bad shard spec")]
    [InlineData("--shard", "two", "bad shard spec")]
    [InlineData("--threads", "0", "--threads must be at least 1")]
    public async Task Bad_input_exits_2_and_writes_nothing(string option, string value, string message)
    {
        WriteScenario();
        var (code, _, stderr) = await CompareCli.Run("compare", _scenario, option, value, "--out", Out("bad"));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public async Task Unwritable_out_exits_2()
    {
        WriteScenario();
        File.WriteAllText(Out("afile"), "keep");
        var (code, _, stderr) = await CompareCli.Run("compare", _scenario, "--out", Path.Combine(Out("afile"), "x"));
        Assert.Equal(2, code);
        Assert.Contains("cannot write", stderr);
        Assert.Equal("keep", File.ReadAllText(Out("afile")));
    }

    [Fact]
    public async Task Resume_on_a_different_scenario_or_seed_exits_2_and_changes_nothing()
    {
        WriteScenario();
        Assert.Equal(0, (await CompareCli.Run("compare", _scenario, "--replications", "2", "--quiet", "--out", Out("r"))).Code);
        var before = CompareCli.Snapshot(Out("r"));
        var (code, _, stderr) = await CompareCli.Run("compare", _scenario, "--replications", "2", "--seed", "6", "--resume", "--out", Out("r"));
        Assert.Equal(2, code);
        Assert.Contains("seed: 5 vs 6", stderr);
        File.WriteAllText(_scenario, CompareCli.ShortScenario.Replace("\"months\": 12", "\"months\": 10"));
        (code, _, stderr) = await CompareCli.Run("compare", _scenario, "--replications", "2", "--resume", "--out", Out("r"));
        Assert.Equal(2, code);
        Assert.Contains("cannot resume", stderr);
        var after = CompareCli.Snapshot(Out("r"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (k, v) in before) Assert.True(v.AsSpan().SequenceEqual(after[k]), k);
    }

    [Fact]
    public async Task Merge_of_shards_equals_the_whole_and_refuses_missing_shards()
    {
        WriteScenario();
        Assert.Equal(0, (await CompareCli.Run("compare", _scenario, "--quiet", "--out", Out("whole"))).Code);
        for (int i = 1; i <= 3; i++)
            Assert.Equal(0, (await CompareCli.Run("compare", _scenario, "--quiet", "--shard", $"{i}/3", "--out", Out($"part-{i}-of-3"))).Code);

        var (code, _, stderr) = await CompareCli.Run("merge", Out("part-1-of-3"), Out("part-3-of-3"), "--out", Out("m"));
        Assert.Equal(2, code);
        Assert.Contains("shard 2/3 is missing", stderr);
        Assert.Contains($"alliances compare {_scenario} --designs centralized,decentralized,balanced --replications 6 --seed 5 --shard 2/3 --out {Out("part-2-of-3")}", stderr);
        Assert.False(Directory.Exists(Out("m")));

        (code, _, stderr) = await CompareCli.Run("merge", Out("part-1-of-3"), Out("part-2-of-3"), Out("part-2-of-3"), Out("part-3-of-3"), "--out", Out("m"));
        Assert.Equal(2, code);
        Assert.Contains("shard 2/3 given 2 times", stderr);

        var (ok, stdout, err) = await CompareCli.Run("merge", Out("part-3-of-3"), Out("part-1-of-3"), Out("part-2-of-3"), "--out", Out("m"));
        Assert.True(ok == 0, err);
        Assert.Contains("Merged 3 shards", stdout);
        CompareCli.AssertSameCsvs(Out("whole"), Out("m"));
    }
}
