using Alliances.Model;

namespace Alliances.Cli.Tests;

/// <summary>`alliances describe`: resolved levers per design, every parameter with its value or distribution, tag, source
/// and origin (registry default, or the file and line that set it).</summary>
public sealed class DescribeTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Shipped(string file) => Path.Combine(RepoPaths.Root, "scenarios", file);

    [Fact]
    public async Task Describes_levers_of_each_design_and_every_parameter_with_its_source()
    {
        var r = await Cli.RunAsync("describe", Shipped("rassembleur.json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var o = r.Stdout;
        Assert.Contains("Scenario 'rassembleur'", o);
        Assert.Contains("extends", o);
        Assert.Contains("default.json", o);
        // Levers: both designs as columns, the preset as base, values set in the file marked '*'.
        Assert.Matches(@"lever\s+rassembleur\s+rassembleur-10", o);
        Assert.Matches(@"\(base\)\s+preset balanced\s+preset balanced", o);
        Assert.Matches(@"regionalShare\s+0\.25 \*\s+0\.1 \*", o);
        Assert.Matches(@"generationMode\s+Concerted\s+Concerted", o); // from the preset, unmarked
        Assert.Contains("* set in ", o);
        // Every lever and every parameter is listed.
        foreach (var f in Alliances.Experiments.Scenarios.LeverFields.All) Assert.Contains(f.JsonName, o);
        foreach (var p in P.All) Assert.Contains(p.Name, o);
        // An overridden parameter: distribution, tag, the file and line that set it, the registry source and default.
        var line = o.Split('\n').Single(l => l.TrimStart().StartsWith("concertation.expert_influence", StringComparison.Ordinal));
        Assert.Contains("uniform [0, 0.5]", line);
        Assert.Contains(" U ", line);
        Assert.Matches(@"\* scenarios/default\.json:\d+|\* .*default\.json:\d+", line);
        Assert.Contains("M68 [U]", o);
        Assert.Contains("(registry default 0.25)", o);
        // A parameter left at its default.
        var ratification = o.Split('\n').Single(l => l.TrimStart().StartsWith("selection.ratification ", StringComparison.Ordinal));
        Assert.Contains("0.97", ratification);
        Assert.Contains("registry default", ratification);
        Assert.Contains("report L1979-1982", o);
    }

    [Fact]
    public async Task A_shipped_scenario_can_be_named_without_its_path()
    {
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = RepoPaths.Root;
            var r = await Cli.RunAsync("describe", "funding-gap-bridging", "--design", "balanced");
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("Scenario 'funding-gap-bridging'", r.Stdout);
            Assert.Contains("funding gap: months 36 to 53, bridging 0.1", r.Stdout);
            Assert.Matches(@"lever\s+balanced\s*\n", r.Stdout);
        }
        finally { Environment.CurrentDirectory = cwd; }
    }

    [Fact]
    public async Task Levers_set_in_several_files_name_each_file()
    {
        _tmp.Write("base.json", "{\n  \"name\": \"b\",\n  \"designs\": { \"d\": { \"preset\": \"balanced\", \"levers\": { \"regionalShare\": 0.3 } } }\n}\n");
        var child = _tmp.Write("child.json", "{\n  \"extends\": \"base.json\",\n  \"name\": \"c\",\n  \"designs\": { \"d\": { \"levers\": { \"pooling\": \"Off\" } } },\n  \"parameters\": { \"capacity.growth\": 0.03 }\n}\n");
        var r = await Cli.RunAsync("describe", child);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("regionalShare set in ", r.Stdout);
        Assert.Contains("base.json", r.Stdout);
        Assert.Contains("pooling set in ", r.Stdout);
        var growth = r.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("capacity.growth", StringComparison.Ordinal));
        Assert.Contains("0.03", growth);
        Assert.Contains("child.json:5", growth);
    }

    [Fact]
    public async Task Explicit_region_lists_its_territories_and_a_generator_its_distributions()
    {
        var r = await Cli.RunAsync("describe", Shipped("example-region.json"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("8 explicit territories", r.Stdout);
        Assert.Contains("Cote-Eloignee", r.Stdout);
        var g = await Cli.RunAsync("describe", Shipped("default.json"));
        Assert.Contains("log-normal, median 35000", g.Stdout);
        Assert.Contains("Beta(1.6, 2.4)", g.Stdout);
    }

    [Fact]
    public async Task Unknown_scenario_or_design_exits_2()
    {
        var a = await Cli.RunAsync("describe", _tmp["nope.json"]);
        Assert.Equal(2, a.ExitCode);
        Assert.Contains("not found", a.Stderr);
        var b = await Cli.RunAsync("describe", Shipped("default.json"), "--design", "middle");
        Assert.Equal(2, b.ExitCode);
        Assert.Contains("unknown design 'middle'", b.Stderr);
    }
}
