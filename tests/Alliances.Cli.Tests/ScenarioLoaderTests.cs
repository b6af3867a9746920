using System.Security.Cryptography;
using System.Text;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Cli.Tests;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static ScenarioException Fails(string json)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json"));
        Assert.All(ex.Errors, e => Assert.Equal("t.json", e.File));
        return ex;
    }

    [Fact]
    public void Default_scenario_loads_with_presets_pandemic_and_uncertain_parameters()
    {
        var s = ScenarioLoader.Load(RepoPaths.DefaultScenario);
        Assert.Equal("default", s.Name);
        Assert.Contains("FR", s.Description);
        Assert.Contains("EN", s.Description);
        Assert.Equal(72, s.Edition.Months);
        Assert.True(s.Shocks.Pandemic);
        Assert.Equal(23, s.Shocks.PandemicStart);
        Assert.Null(s.Region.Region);
        Assert.Equal(10, s.Region.Generator.Territories);
        Assert.Equal(["centralized", "decentralized", "balanced"], s.Designs.Select(d => d.Name));
        Assert.Equal(Designs.Balanced, s.FindDesign("balanced")!.Levers);
        Assert.Equal(Designs.Centralized, s.FindDesign("centralized")!.Levers);
        Assert.Equal(Designs.Decentralized, s.FindDesign("decentralized")!.Levers);
        Assert.Equal("balanced", s.DefaultDesign);
        Assert.Equal(ParameterDistribution.Uniform(0, 0.5), s.Parameters["concertation.expert_influence"]);
        Assert.True(s.Parameters.Count >= 4);
        Assert.All(s.Parameters.Values, d => Assert.Equal(DistributionKind.Uniform, d.Kind));
        Assert.Single(s.Sources);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoPaths.DefaultScenario))), s.Hash);
    }

    [Fact]
    public void Default_scenario_draws_parameters_within_their_distributions()
    {
        var s = ScenarioLoader.Load(RepoPaths.DefaultScenario);
        var seen = new HashSet<double>();
        for (int r = 0; r < 20; r++)
        {
            var inputs = ReplicationInputs.Draw(s, r);
            double v = inputs.Parameters[P.ExpertInfluence];
            Assert.InRange(v, 0, 0.5);
            seen.Add(v);
            Assert.Equal(10, inputs.Region.Territories.Count);
        }
        Assert.True(seen.Count > 15);
    }

    [Fact]
    public void Minimal_scenario_uses_defaults_and_the_three_presets()
    {
        var s = ScenarioLoader.Parse("""{ "name": "m" }""");
        var d = new Scenario();
        Assert.Equal(d.Seed, s.Seed);
        Assert.Equal(d.Edition, s.Edition);
        Assert.Equal(d.Shocks.Pandemic, s.Shocks.Pandemic);
        Assert.Equal(3, s.Designs.Count);
        Assert.Equal("balanced", s.DefaultDesign);
        Assert.Empty(s.Parameters);
        Assert.Null(s.Hash);
    }

    [Fact]
    public void Comments_trailing_commas_case_insensitive_enums_and_all_distribution_kinds_are_accepted()
    {
        var s = ScenarioLoader.Parse("""
            /* block comment */
            {
              "name": "c", // line comment
              "seed": 18446744073709551615,
              "replications": 3,
              "shocks": { "fundingGap": true, "gapStart": 40, "bridgingShare": 0.5, "electionMonths": [10, 43], },
              "parameters": {
                "selection.ratification": 0.95,
                "agents.organisations_per_territory": { "fixed": 30 },
                "mobilization.rate": { "triangular": [0.05, 0.1, 0.25] },
                "capacity.growth": { "normal": [0.02, 0.005] },
                "projects.effect_per_million": { "uniform": [2, 2] },
              },
              "designs": {
                "mine": { "preset": "Decentralized", "levers": { "localSplit": "capacitycompensating", "expertsPerBody": 3, "regionalShare": 0 } },
                "plain": {},
              },
            }
            """);
        Assert.Equal(ulong.MaxValue, s.Seed);
        Assert.True(s.Shocks.FundingGap);
        Assert.Equal([10, 43], s.Shocks.ElectionMonths);
        Assert.Equal(ParameterDistribution.Fixed(0.95), s.Parameters["selection.ratification"]);
        Assert.Equal(ParameterDistribution.Fixed(30), s.Parameters["agents.organisations_per_territory"]);
        Assert.Equal(ParameterDistribution.Triangular(0.05, 0.1, 0.25), s.Parameters["mobilization.rate"]);
        Assert.Equal(ParameterDistribution.Normal(0.02, 0.005), s.Parameters["capacity.growth"]);
        var mine = s.FindDesign("mine")!.Levers;
        Assert.Equal(Designs.Decentralized with { LocalSplit = LocalSplit.CapacityCompensating, ExpertsPerBody = 3, RegionalShare = 0 }, mine);
        Assert.Equal(new Levers(), s.FindDesign("plain")!.Levers);
        Assert.Equal("mine", s.DefaultDesign); // no "balanced" design: the first one
    }

    [Fact]
    public void Extends_merges_objects_recursively_and_the_child_wins()
    {
        _tmp.Write("base/base.json", """
            {
              "name": "base", "seed": 5, "replications": 50,
              "edition": { "months": 60, "extensionMonths": 12 },
              "parameters": { "mobilization.rate": { "uniform": [0.05, 0.2] }, "capacity.growth": 0.03 },
              "designs": { "a": { "preset": "balanced", "levers": { "regionalShare": 0.3, "pooling": "Off" } }, "b": { "preset": "centralized" } },
              "defaultDesign": "b"
            }
            """);
        var child = _tmp.Write("child.json", """
            {
              "extends": "base/base.json",
              "name": "child",
              "edition": { "months": 48 },
              "parameters": { "mobilization.rate": { "normal": [0.1, 0.02] } },
              "designs": { "a": { "levers": { "regionalShare": 0.1 } }, "c": { "preset": "decentralized" } }
            }
            """);
        var s = ScenarioLoader.Load(child);
        Assert.Equal("child", s.Name);
        Assert.Equal(5UL, s.Seed);
        Assert.Equal(50, s.Replications);
        Assert.Equal(new EditionSpec { Months = 48, ExtensionMonths = 12 }, s.Edition);
        Assert.Equal(ParameterDistribution.Normal(0.1, 0.02), s.Parameters["mobilization.rate"]); // replaced, not merged
        Assert.Equal(ParameterDistribution.Fixed(0.03), s.Parameters["capacity.growth"]);
        Assert.Equal(["a", "b", "c"], s.Designs.Select(d => d.Name));
        Assert.Equal(Designs.Balanced with { RegionalShare = 0.1, Pooling = Pooling.Off }, s.FindDesign("a")!.Levers);
        Assert.Equal("b", s.DefaultDesign);
        Assert.Equal(["scenario", "extends"], s.Sources.Select(x => x.Role));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(s.Sources.Select(x => x.Sha256 + "\n")))));
        Assert.Equal(expected, s.Hash);
    }

    [Fact]
    public void A_child_region_in_another_form_replaces_the_base_region()
    {
        _tmp.Write("base.json", """{ "name": "b", "region": { "generator": { "territories": 12, "envelope": 5000000 } } }""");
        var child = _tmp.Write("child.json", """
            { "extends": "base.json", "name": "c",
              "region": { "territories": [ { "name": "Nord", "population": 20000 }, { "name": "Sud" }, { "name": "Est", "deprivation": 0.8 } ] } }
            """);
        var s = ScenarioLoader.Load(child);
        Assert.NotNull(s.Region.Region);
        Assert.Equal(["Nord", "Sud", "Est"], s.Region.Region!.Territories.Select(t => t.Name));
        Assert.Equal(20000, s.Region.Region.Territories[0].Population);
        Assert.Equal(0.8, s.Region.Region.Territories[2].Deprivation);

        var sameForm = _tmp.Write("child2.json", """{ "extends": "base.json", "name": "c2", "region": { "generator": { "territories": 4 } } }""");
        var g = ScenarioLoader.Load(sameForm).Region.Generator;
        Assert.Equal(4, g.Territories);
        Assert.Equal(5_000_000, g.Envelope); // merged
    }

    [Fact]
    public void Region_file_is_resolved_relative_to_the_scenario_and_hashed()
    {
        _tmp.Write("regions/r.json", """
            // three MRCs
            { "name": "Bas-Saint-Laurent", "priorRegionalConcertation": 0.7,
              "territories": [ { "name": "A", "population": 30000 }, { "name": "B" }, { "name": "C" } ] }
            """);
        var file = _tmp.Write("s.json", """{ "name": "s", "region": { "file": "regions/r.json" } }""");
        var s = ScenarioLoader.Load(file);
        Assert.Equal("Bas-Saint-Laurent", s.Region.Region!.Name);
        Assert.Equal(0.7, s.Region.Region.PriorRegionalConcertation);
        Assert.Equal(["scenario", "region"], s.Sources.Select(x => x.Role));
        var inputs = ReplicationInputs.Draw(s, 0);
        Assert.Same(s.Region.Region, inputs.Region);
    }

    [Fact]
    public void Errors_in_a_region_file_point_into_that_file()
    {
        var region = _tmp.Write("regions/bad.json", "{\n  \"territories\": [\n    { \"name\": \"A\" }, { \"name\": \"B\" },\n    { \"name\": \"A\", \"density\": 2 } ]\n}\n");
        var file = _tmp.Write("s.json", """{ "name": "s", "region": { "file": "regions/bad.json" } }""");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
        Assert.Equal(2, ex.Errors.Count);
        Assert.All(ex.Errors, e => Assert.EndsWith("bad.json", e.File));
        Assert.All(ex.Errors, e => Assert.Equal(4, e.Line));
        Assert.Equal("$.territories[2].name", ex.Errors[0].JsonPath);
        Assert.Contains("duplicate territory name 'A'", ex.Errors[0].Message);
        Assert.Equal("$.territories[2].density", ex.Errors[1].JsonPath);
        Assert.True(File.Exists(region));
    }

    [Fact]
    public void Error_positions_are_exact_lines_and_character_columns()
    {
        var ex = Fails("{\n  \"name\": \"x\", \"description\": \"é\",\n  \"designs\": { \"d\": { \"levers\": { \"directiveStrength\": 1.5 } } }\n}");
        var e = Assert.Single(ex.Errors);
        Assert.Equal(3, e.Line);
        Assert.Equal(56, e.Column);
        Assert.Equal("$.designs.d.levers.directiveStrength", e.JsonPath);
        Assert.Equal("1.5 is out of range; allowed 0 to 1", e.Message);
        Assert.Equal("t.json:3:56: $.designs.d.levers.directiveStrength: 1.5 is out of range; allowed 0 to 1", e.ToString());
        Assert.Equal(e.Line, ex.Line);
        Assert.Equal(e.JsonPath, ex.JsonPath);

        // Columns count characters, not bytes.
        var ex2 = Fails("{ \"name\": \"x\", \"description\": \"é\", \"seed\": \"x\" }");
        Assert.Equal(44, ex2.Column);
    }

    [Fact]
    public void Unknown_fields_list_the_allowed_names()
    {
        var ex = Fails("""{ "name": "x", "shocks": { "pandemik": true } }""");
        Assert.Contains("unknown field 'pandemik'; did you mean 'pandemic'?", ex.Detail);
        Assert.Contains("allowed fields: pandemic, pandemicStart, pandemicMonths, fundingGap", ex.Detail);
        var lever = Fails("""{ "name": "x", "designs": { "d": { "levers": { "regionalshares": 0.1 } } } }""");
        Assert.Contains("unknown lever 'regionalshares'; did you mean 'regionalShare'?", lever.Detail);
        Assert.Contains("allowed levers: decisionBody, regionalTable", lever.Detail);
        var top = Fails("""{ "name": "x", "designz": {} }""");
        Assert.Contains("allowed fields: $schema, name, description, extends, seed", top.Detail);
    }

    [Theory]
    [InlineData("""{ "name": "x", "seed": "1" }""", "$.seed", "expected an integer from 0 to 18446744073709551615, got a string (\"1\")")]
    [InlineData("""{ "name": "x", "seed": 1.5 }""", "$.seed", "expected an integer")]
    [InlineData("""{ "name": "x", "edition": { "months": 24.5 } }""", "$.edition.months", "expected an integer, got 24.5")]
    [InlineData("""{ "name": "x", "edition": [] }""", "$.edition", "expected an object, got an array")]
    [InlineData("""{ "name": "x", "edition": { "months": 300 } }""", "$.edition.months", "300 is out of range; allowed 1 to 240")]
    [InlineData("""{ "name": "x", "shocks": { "pandemicStart": 72 } }""", "$.shocks.pandemicStart", "72 is out of range; allowed 0 to 71")]
    [InlineData("""{ "name": "bad name" }""", "$.name", "is not a valid name")]
    [InlineData("""{ "name": "x", "name": "y" }""", "$.name", "duplicate field 'name'")]
    [InlineData("""{ "name": "x", "region": {} }""", "$.region", "a region needs one of 'generator'")]
    [InlineData("""{ "name": "x", "region": { "generator": {}, "file": "r.json" } }""", "$.region.file", "'generator' and 'file' cannot both be given")]
    [InlineData("""{ "name": "x", "region": { "territories": [ { "name": "A" }, { "name": "B" } ] } }""", "$.region.territories", "2 territories given; allowed 3 to 20")]
    [InlineData("""{ "name": "x", "region": { "territories": [ { "name": "region" }, { "name": "B" }, { "name": "C" } ] } }""", "$.region.territories[0].name", "is reserved")]
    [InlineData("""{ "name": "x", "region": { "territories": [ { }, { "name": "B" }, { "name": "C" } ] } }""", "$.region.territories[0]", "required field 'name' is missing")]
    [InlineData("""{ "name": "x", "region": { "file": "nowhere.json" } }""", "$.region.file", "region file 'nowhere.json' not found")]
    [InlineData("""{ "name": "x", "parameters": { "agents.organisations_per_territory": 30.5 } }""", "$.parameters['agents.organisations_per_territory']", "is an integer parameter")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "uniform": [0.2, 0.1] } } }""", "$.parameters['mobilization.rate'].uniform", "low (0.2) must not exceed high (0.1)")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "uniform": [0.1] } } }""", "$.parameters['mobilization.rate'].uniform", "expected 2 numbers [low, high], got 1")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "beta": [1, 2] } } }""", "$.parameters['mobilization.rate'].beta", "allowed fields: fixed, uniform, triangular, normal")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "uniform": [0.1, 0.2], "fixed": 0.1 } } }""", "$.parameters['mobilization.rate']", "give exactly one of")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "normal": [0.1, 0] } } }""", "$.parameters['mobilization.rate'].normal[1]", "must be positive")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": { "triangular": [0.1, 0.2, 0.15] } } }""", "$.parameters['mobilization.rate'].triangular", "low <= mode <= high")]
    [InlineData("""{ "name": "x", "parameters": { "mobilization.rate": 0.01 } }""", "$.parameters['mobilization.rate']", "0.01 is out of range; allowed 0.05 to 0.25 (the declared range of mobilization.rate)")]
    [InlineData("""{ "name": "x", "parameters": { "nothing": 1 } }""", "$.parameters.nothing", "parameter names are 'group.name' with group one of: money, agents")]
    [InlineData("""{ "name": "x", "designs": {} }""", "$.designs", "at least one design is needed")]
    [InlineData("""{ "name": "x", "designs": { "d": { "preset": "middle" } } }""", "$.designs.d.preset", "unknown preset 'middle'; allowed: centralized, decentralized, balanced")]
    [InlineData("""{ "name": "x", "designs": { "d": { "levers": { "localSplit": "Random" } } } }""", "$.designs.d.levers.localSplit", "\"Random\" is not a valid LocalSplit; allowed: Equal, Population, Deprivation, CapacityCompensating")]
    [InlineData("""{ "name": "x", "designs": { "d": { "levers": { "localSplit": 1 } } } }""", "$.designs.d.levers.localSplit", "expected a string, one of Equal, Population")]
    [InlineData("""{ "name": "x", "designs": { "d": { "levers": { "projectDurationMonths": 6 } } } }""", "$.designs.d.levers.projectDurationMonths", "6 is out of range; allowed 12 to 36")]
    [InlineData("""{ "name": "x", "designs": { "d": { "levers": { "peerCommittee": 1 } } } }""", "$.designs.d.levers.peerCommittee", "expected true or false, got a number (1)")]
    [InlineData("""{ "name": "x", "designs": { "d": { "levers": { "regionalTable": false, "tableHasExperts": true, "tableHasElected": false, "tableHasLocalConcertations": false, "tableHasSectoralPartners": false } } } }""",
        "$.designs.d.levers.regionalTable", "regionalTable is false but tableHasExperts is true; members can only sit on a regional table that exists. Set tableHasExperts to false, or regionalTable to true")]
    [InlineData("""{ "name": "x", "extends": 3 }""", "$.extends", "expected a string (the path of a base scenario file")]
    [InlineData("""[1, 2]""", "$", "a scenario must be a JSON object, got an array")]
    public void Invalid_values_are_rejected_with_path_and_allowed_values(string json, string path, string message)
    {
        var ex = Fails(json);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(message, ex.Detail);
        Assert.Equal(1, ex.Line);
        Assert.True(ex.Column > 0);
    }

    [Fact]
    public void Presets_whose_levers_conflict_are_accepted_once_fixed()
    {
        var s = ScenarioLoader.Parse("""
            { "name": "x", "designs": { "no-table": { "preset": "balanced", "levers": {
                "regionalTable": false, "tableHasElected": false, "tableHasLocalConcertations": false,
                "tableHasSectoralPartners": false, "tableHasExperts": false } } } }
            """);
        Assert.False(s.Designs[0].Levers.RegionalTable);
    }

    [Fact]
    public void Every_settable_lever_has_a_scenario_field()
    {
        var settable = typeof(Levers).GetProperties().Where(p => p.SetMethod is not null && p.Name != "EqualityContract").Select(p => p.Name);
        Assert.Equal(settable.Select(n => char.ToLowerInvariant(n[0]) + n[1..]).Order(), LeverFields.All.Select(f => f.JsonName).Order());
        Assert.All(LeverFields.All.Where(f => f.IsNumber), f => Assert.True(f.Min <= (Convert.ToDouble(f.Get(new Levers()))) && Convert.ToDouble(f.Get(new Levers())) <= f.Max, f.JsonName));
        foreach (var preset in Designs.Presets.Values)
            Assert.All(LeverFields.All.Where(f => f.IsNumber), f => Assert.InRange(Convert.ToDouble(f.Get(preset)), f.Min, f.Max));
    }

    [Fact]
    public void Missing_main_file_is_a_scenario_error()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(_tmp["nope.json"]));
        Assert.Contains("scenario file not found", ex.Detail);
    }
}
