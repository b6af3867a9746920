namespace Alliances.Cli.Tests;

/// <summary>`run` with bad scenario files: exit code 2, stderr names file, line and JSON path, no output folder.</summary>
public sealed class BadScenarioTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        {
            "syntax",
            "{\n  \"name\": \"x\",\n  \"seed\" 12\n}\n",
            3, "$", "JSON syntax error: '1' is invalid after a property name. Expected a ':'"
        },
        {
            "unknown-field",
            "{\n  \"name\": \"x\",\n  \"edition\": { \"months\": 24, \"monthz\": 3 }\n}\n",
            3, "$.edition.monthz", "unknown field 'monthz'; did you mean 'months'?; allowed fields: months, extensionMonths, extensionEnvelope"
        },
        {
            "out-of-range",
            "{\n  \"name\": \"x\",\n  \"designs\": {\n    \"mine\": { \"preset\": \"balanced\",\n      \"levers\": {\n        \"regionalShare\": 0.9 } } }\n}\n",
            6, "$.designs.mine.levers.regionalShare", "0.9 is out of range; allowed 0 to 0.6"
        },
        {
            "unknown-default-design",
            "{\n  \"name\": \"x\",\n  \"defaultDesign\": \"mine\"\n}\n",
            3, "$.defaultDesign", "unknown design 'mine'; defined designs: centralized, decentralized, balanced"
        },
        {
            "missing-name",
            "{\n  \"seed\": 3\n}\n",
            1, "$", "required field 'name' is missing"
        },
        {
            "contradictory",
            "{\n  \"name\": \"x\",\n  \"designs\": { \"d\": { \"preset\": \"balanced\", \"levers\": {\n    \"regionalTable\": false } } }\n}\n",
            4, "$.designs.d.levers.regionalTable", "contradictory levers: regionalTable is false but tableHasElected (from preset 'balanced')"
        },
        {
            "decision-body",
            "{\n  \"name\": \"x\",\n  \"designs\": { \"d\": { \"preset\": \"decentralized\", \"levers\": {\n    \"decisionBody\": \"regionaltable\" } } }\n}\n",
            4, "$.designs.d.levers.decisionBody", "decisionBody is RegionalTable but regionalTable is false (from preset 'decentralized')"
        },
        {
            "unknown-parameter",
            "{\n  \"name\": \"x\",\n  \"parameters\": {\n    \"concertation.expert_influenc\": 0.1 }\n}\n",
            4, "$.parameters['concertation.expert_influenc']", "unknown parameter 'concertation.expert_influenc'; did you mean 'concertation.expert_influence'?"
        },
        {
            "parameter-range",
            "{\n  \"name\": \"x\",\n  \"parameters\": {\n    \"concertation.expert_influence\": { \"uniform\": [0, 0.9] } }\n}\n",
            4, "$.parameters['concertation.expert_influence'].uniform[1]", "0.9 is out of range; allowed 0 to 0.5"
        },
        {
            "wrong-type",
            "{\n  \"name\": \"x\",\n  \"shocks\": { \"pandemic\": \"yes\" }\n}\n",
            3, "$.shocks.pandemic", "expected true or false, got a string (\"yes\")"
        },
        {
            "territories",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": {\n    \"territories\": 25 } }\n}\n",
            4, "$.region.generator.territories", "25 is out of range; allowed 3 to 20"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_scenario_exits_2_naming_file_line_and_path(string name, string json, int line, string path, string message)
    {
        await Cli.AssertRunRejects(_tmp, name, json, line, path, message);
    }

    [Fact]
    public async Task Extends_cycle_is_reported_at_the_extends_line()
    {
        _tmp.Write("a.json", "{\n  \"name\": \"a\",\n  \"extends\": \"b.json\"\n}\n");
        var b = _tmp.Write("b.json", "// base\n{\n  \"extends\": \"a.json\",\n  \"seed\": 4\n}\n");
        var outDir = _tmp["out"];
        var r = await Cli.RunAsync("run", _tmp["a.json"], "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("b.json:3:14: $.extends: extends cycle: a.json -> b.json -> a.json", r.Stderr);
        Assert.False(Directory.Exists(outDir));
        Assert.True(File.Exists(b));
    }

    [Fact]
    public async Task Missing_base_is_reported_at_the_extends_line()
    {
        var file = _tmp.Write("child.json", "{\n  \"name\": \"c\",\n  \"extends\": \"bases/missing.json\"\n}\n");
        var outDir = _tmp["out"];
        var r = await Cli.RunAsync("run", file, "--out", outDir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:3:14: $.extends: base file 'bases/missing.json' not found", r.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Every_problem_is_reported_not_just_the_first()
    {
        var file = _tmp.Write("many.json", "{\n  \"name\": \"x\",\n  \"seed\": -1,\n  \"replications\": 0,\n  \"colour\": \"red\"\n}\n");
        var r = await Cli.RunAsync("run", file, "--out", _tmp["out"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(":3:", r.Stderr);
        Assert.Contains(":4:", r.Stderr);
        Assert.Contains(":5:", r.Stderr);
        Assert.Equal(3, r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
