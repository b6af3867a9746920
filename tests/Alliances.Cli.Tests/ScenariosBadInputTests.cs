namespace Alliances.Cli.Tests;

/// <summary>
/// Malformed or contradictory scenarios (including the fields added for the scenario library: inheritDesigns and
/// envelopeFromAllocation, and contradictions across an "extends" chain): exit 2, and stderr names the file, line,
/// JSON path and the conflict; nothing is written.
/// </summary>
public sealed class ScenariosBadInputTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private const string Allocation = """
        "envelopeFromAllocation": { "budget": 1000, "region": "B", "regions": [
          { "name": "A", "previousAllocation": 100, "population": 1000, "deprivation": 0.5, "density": 10 },
          { "name": "B", "previousAllocation": 200, "population": 3000, "deprivation": 0.2, "density": 40 } ] }
        """;

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        {
            "experts-without-table",
            "{\n  \"name\": \"x\",\n  \"designs\": { \"d\": { \"preset\": \"decentralized\", \"levers\": {\n    \"tableHasExperts\": true } } }\n}\n",
            4, "$.designs.d.levers.tableHasExperts",
            "contradictory levers: regionalTable is false (from preset 'decentralized') but tableHasExperts is true; members can only sit on a regional table that exists"
        },
        {
            "inherit-designs-type",
            "{\n  \"name\": \"x\",\n  \"inheritDesigns\": \"no\"\n}\n",
            3, "$.inheritDesigns", "expected true or false, got a string (\"no\")"
        },
        {
            "allocation-and-envelope",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": { \"territories\": 4, \"envelope\": 5000000 },\n  " + Allocation + " }\n}\n",
            4, "$.region.envelopeFromAllocation",
            "contradictory region fields: 'envelopeFromAllocation' computes the region's envelope but $.region.generator.envelope sets it"
        },
        {
            "allocation-unknown-region",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": { \"territories\": 4 },\n  " + Allocation.Replace("\"region\": \"B\"", "\"region\": \"Z\"") + " }\n}\n",
            4, "$.region.envelopeFromAllocation.region", "region 'Z' is not in 'regions' ('A', 'B')"
        },
        {
            "allocation-unknown-rule",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": { \"territories\": 4 },\n  " + Allocation.Replace("\"budget\": 1000,", "\"budget\": 1000, \"rule\": \"lottery\",") + " }\n}\n",
            4, "$.region.envelopeFromAllocation.rule", "unknown allocation rule 'lottery'; allowed: asIs, perCapitaDeprivation"
        },
        {
            "allocation-density",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": { \"territories\": 4 },\n  " + Allocation.Replace("\"density\": 40", "\"density\": 0") + " }\n}\n",
            6, "$.region.envelopeFromAllocation.regions[1].density", "density must be positive"
        },
        {
            "allocation-missing-budget",
            "{\n  \"name\": \"x\",\n  \"region\": { \"generator\": { \"territories\": 4 },\n  " + Allocation.Replace("\"budget\": 1000,", "") + " }\n}\n",
            4, "$.region.envelopeFromAllocation", "required field 'budget' is missing"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_scenario_exits_2_naming_file_line_path_and_conflict(string name, string json, int line, string path, string message)
    {
        await Cli.AssertRunRejects(_tmp, name, json, line, path, message);
    }

    [Fact]
    public async Task A_contradiction_across_extends_names_the_child_file_and_both_levers()
    {
        _tmp.Write("base.json", "{\n  \"name\": \"base\",\n  \"designs\": { \"d\": { \"preset\": \"balanced\" } }\n}\n");
        var child = _tmp.Write("child.json", "{\n  \"extends\": \"base.json\",\n  \"name\": \"child\",\n  \"designs\": { \"d\": { \"levers\": {\n    \"regionalTable\": false } } }\n}\n");
        var r = await Cli.RunAsync("describe", child);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{child}:5:", r.Stderr);
        Assert.Contains("$.designs.d.levers.regionalTable: contradictory levers: regionalTable is false but tableHasElected (from preset 'balanced')", r.Stderr);
        Assert.Contains("tableHasExperts (from preset 'balanced')", r.Stderr);
    }

    [Fact]
    public async Task Allocation_given_in_the_region_file_and_the_scenario_is_reported()
    {
        _tmp.Write("regions/r.json", "{\n  \"generator\": { \"territories\": 4 },\n  " + Allocation + "\n}\n");
        var file = _tmp.Write("s.json", "{\n  \"name\": \"s\",\n  \"region\": { \"file\": \"regions/r.json\",\n  " + Allocation + " }\n}\n");
        var r = await Cli.RunAsync("run", file, "--out", _tmp["out"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:4:", r.Stderr);
        Assert.Contains("$.region.envelopeFromAllocation: 'envelopeFromAllocation' is given twice", r.Stderr);
    }

    [Fact]
    public async Task Without_inheritDesigns_false_the_base_designs_are_kept()
    {
        _tmp.Write("base.json", "{ \"name\": \"base\", \"designs\": { \"a\": { \"preset\": \"balanced\" } }, \"defaultDesign\": \"a\" }");
        var merged = _tmp.Write("merged.json", "{ \"extends\": \"base.json\", \"name\": \"m\", \"designs\": { \"b\": { \"preset\": \"centralized\" } } }");
        var replaced = _tmp.Write("replaced.json", "{ \"extends\": \"base.json\", \"name\": \"r\", \"inheritDesigns\": false, \"designs\": { \"b\": { \"preset\": \"centralized\" } } }");
        Assert.Equal(["a", "b"], Alliances.Experiments.Scenarios.ScenarioLoader.Load(merged).Designs.Select(d => d.Name));
        var r = Alliances.Experiments.Scenarios.ScenarioLoader.Load(replaced);
        Assert.Equal(["b"], r.Designs.Select(d => d.Name));
        Assert.Equal("b", r.DefaultDesign); // the base's defaultDesign 'a' is dropped with its designs
        var run = await Cli.RunAsync("run", replaced, "--out", _tmp["out"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }
}
