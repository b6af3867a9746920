using System.Text;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using Alliances.Workshop.Api;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Tests;

public sealed class CatalogTests
{
    private static readonly PresetCatalog Presets = PresetCatalog.Load(Repo.Scenarios);

    [Fact]
    public void EveryLever_HasFrenchAndEnglishTexts_AndEveryEnumValueALabel()
    {
        Assert.Empty(LeverCatalog.MissingTexts);
        Assert.Empty(LeverCatalog.MissingOptionLabels);
        Assert.Equal(LeverFields.All.Count, LeverCatalog.All.Count);
        foreach (var l in LeverCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Label.Fr), l.Name);
            Assert.False(string.IsNullOrWhiteSpace(l.Label.En), l.Name);
            Assert.False(string.IsNullOrWhiteSpace(l.Help.Fr), l.Name);
            Assert.False(string.IsNullOrWhiteSpace(l.Help.En), l.Name);
            Assert.True(l.Help.Fr.Length <= 200 && l.Help.En.Length <= 200, $"{l.Name}: explanations are one line");
            Assert.Contains(LeverCatalog.Groups, g => g.Id == l.Group);
        }
    }

    [Fact]
    public void MainLevers_AreTheOnesTheBriefAsksFor()
    {
        var main = LeverCatalog.All.Where(l => l.Main).Select(l => l.Name).ToHashSet();
        foreach (string name in new[]
        {
            "regionalTable", "tableHasElected", "tableHasLocalConcertations", "tableHasSectoralPartners", "tableHasExperts",
            "expertsPerBody", "peerCommittee", "allowance", "expertAccompaniment", "regionalShare", "localSplit",
            "generationMode", "coordination", "respondentSeniority",
        })
            Assert.Contains(name, main);
    }

    [Fact]
    public void Presets_ThePolesFirst_ThenTheDesignsOfTheOtherShippedScenarios()
    {
        Assert.Equal(["centralized", "decentralized", "balanced"], Presets.Presets.Take(3).Select(p => p.Id));
        Assert.All(Presets.Presets.Take(3), p => Assert.Equal(PresetCatalog.PolesGroup, p.Group));
        Assert.Equal(Designs.Balanced, Presets.Presets[2].Levers);
        Assert.Equal("default", Presets.Scenario.Name);
        Assert.Equal(72, Presets.Scenario.Edition.TotalMonths);
        Assert.Empty(Presets.Warnings);
        // Every design of every shipped scenario file is offered once.
        foreach (string file in Directory.GetFiles(Repo.Scenarios, "*.json").Where(f => !f.EndsWith(".schema.json")))
            foreach (var d in ScenarioLoader.Load(file).Designs)
                Assert.Contains(Presets.Presets, p => p.Design == d.Name && p.Levers == d.Levers);
        Assert.Equal(Presets.Presets.Count, Presets.Presets.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Presets_WithoutScenarioFolder_AreTheThreeBuiltInPoles()
    {
        var builtIn = PresetCatalog.Load(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(["centralized", "decentralized", "balanced"], builtIn.Presets.Select(p => p.Id));
        Assert.Equal("built-in", builtIn.ScenarioSource);
        Assert.Single(builtIn.Warnings);
        Assert.Equal(72, builtIn.Scenario.Edition.TotalMonths);
    }

    [Fact]
    public void Exercises_UseKnownPresetsLeversAndMetrics_AndHaveHints()
    {
        Assert.InRange(Exercises.All.Count, 3, 4);
        foreach (var ex in Exercises.All)
        {
            Assert.True(Presets.TryGet(ex.Start.Preset, out _), ex.Id);
            foreach (var (lever, _) in ex.Start.Levers) Assert.True(LeverFields.TryGet(lever, out _), $"{ex.Id}: {lever}");
            foreach (var c in ex.Constraints) Assert.True(LeverFields.TryGet(c.Lever, out _), $"{ex.Id}: {c.Lever}");
            foreach (var g in ex.Goals) Assert.True(MetricCatalog.TryGet(g.Metric, out _), $"{ex.Id}: {g.Metric}");
            Assert.NotEmpty(ex.Goals);
            Assert.True(ex.Hints.Count >= 2, ex.Id);
            // The starting design satisfies the constraints and is a valid request.
            var start = Parse(new { design = new { preset = ex.Start.Preset, levers = ex.Start.Levers }, exercise = ex.Id });
            Assert.All(ex.Constraints, c => Assert.True(c.Holds(start.Design.Levers), $"{ex.Id}: {c.Lever}"));
        }
    }

    [Fact]
    public void FrenchTexts_UseNonBreakingSpacesBeforeColonsAndPercent()
    {
        var t = new Text("Part : 20 % « oui »", "Share: 20%");
        Assert.Equal("Part\u00A0: 20\u00A0% «\u00A0oui\u00A0»", t.Fr);
    }

    // ------------------------------------------------------------------------------------------ request parser

    private static RunRequest Parse(object body) =>
        RunRequestParser.Parse(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body)), Presets, 64);

    private static ApiException Bad(string json) =>
        Assert.Throws<ApiException>(() => RunRequestParser.Parse(Encoding.UTF8.GetBytes(json), Presets, 64));

    [Fact]
    public void Parser_ResolvesPresetAndLevers_DefaultsTheRest()
    {
        var r = Parse(new { design = new { preset = "decentralized", levers = new { regionalShare = 0.2, localSplit = "capacitycompensating", expertsPerBody = 2 } } });
        Assert.Equal(0.2, r.Design.Levers.RegionalShare);
        Assert.Equal(LocalSplit.CapacityCompensating, r.Design.Levers.LocalSplit);
        Assert.Equal(2, r.Design.Levers.ExpertsPerBody);
        Assert.Equal(Designs.Decentralized with { RegionalShare = 0.2, LocalSplit = LocalSplit.CapacityCompensating, ExpertsPerBody = 2 }, r.Design.Levers);
        Assert.Equal(3, r.Design.Changes.Count);
        Assert.Equal(Designs.Decentralized, r.Reference.Levers); // default reference
        Assert.Equal(32, r.Replications);
        Assert.Equal(Lang.Fr, r.Lang);
        Assert.Null(r.Exercise);
    }

    [Theory]
    [InlineData("", "empty request body", "$")]
    [InlineData("{", "malformed JSON", "$")]
    [InlineData("{\"design\": {\"preset\": \"balanced\",}}", "malformed JSON", "$")]
    [InlineData("[1,2]", "must be a JSON object", "$")]
    [InlineData("{}", "'design' is missing", "$.design")]
    [InlineData("{\"design\": 3}", "expected an object", "$.design")]
    [InlineData("{\"design\": {}, \"colour\": 1}", "unknown field 'colour'", "$.colour")]
    [InlineData("{\"design\": {\"preset\": 1}}", "must be a preset id", "$.design.preset")]
    [InlineData("{\"design\": {\"preset\": \"utopia\"}}", "unknown preset 'utopia'", "$.design.preset")]
    [InlineData("{\"design\": {\"levers\": []}}", "'levers' must be an object", "$.design.levers")]
    [InlineData("{\"design\": {\"levers\": {\"regionalShar\": 0.1}}}", "did you mean 'regionalShare'", "$.design.levers.regionalShar")]
    [InlineData("{\"design\": {\"levers\": {\"regionalShare\": \"high\"}}}", "takes a number from 0 to 0.6", "$.design.levers.regionalShare")]
    [InlineData("{\"design\": {\"levers\": {\"regionalShare\": 0.9}}}", "out of range", "$.design.levers.regionalShare")]
    [InlineData("{\"design\": {\"levers\": {\"expertsPerBody\": 2.5}}}", "whole number", "$.design.levers.expertsPerBody")]
    [InlineData("{\"design\": {\"levers\": {\"expertsPerBody\": 7}}}", "out of range", "$.design.levers.expertsPerBody")]
    [InlineData("{\"design\": {\"levers\": {\"peerCommittee\": \"yes\"}}}", "takes true or false", "$.design.levers.peerCommittee")]
    [InlineData("{\"design\": {\"levers\": {\"allowance\": \"Generous\"}}}", "allowed: None, CostCoverage, Stipend, StandardAllowance", "$.design.levers.allowance")]
    [InlineData("{\"design\": {\"levers\": {\"allowance\": 2}}}", "(a string)", "$.design.levers.allowance")]
    [InlineData("{\"design\": {\"levers\": {\"regionalShare\": 0.1, \"regionalShare\": 0.2}}}", "given twice", "$.design.levers.regionalShare")]
    [InlineData("{\"design\": {\"preset\": \"balanced\", \"levers\": {\"regionalTable\": false}}}", "contradictory levers", "$.design.levers")]
    [InlineData("{\"design\": {\"preset\": \"centralized\", \"levers\": {\"regionalTable\": false, \"tableHasElected\": false, \"tableHasSectoralPartners\": false}}}", "decisionBody is RegionalTable", "$.design.levers")]
    [InlineData("{\"design\": {}, \"reference\": \"balanced\"}", "expected an object", "$.reference")]
    [InlineData("{\"design\": {}, \"replications\": 65}", "from 2 to 64", "$.replications")]
    [InlineData("{\"design\": {}, \"replications\": 1}", "from 2 to 64", "$.replications")]
    [InlineData("{\"design\": {}, \"replications\": 3.5}", "must be an integer", "$.replications")]
    [InlineData("{\"design\": {}, \"replications\": \"10\"}", "must be an integer", "$.replications")]
    [InlineData("{\"design\": {}, \"lang\": \"de\"}", "\"fr\" or \"en\"", "$.lang")]
    [InlineData("{\"design\": {}, \"lang\": 1}", "\"fr\" or \"en\"", "$.lang")]
    [InlineData("{\"design\": {}, \"exercise\": \"nope\"}", "unknown exercise 'nope'", "$.exercise")]
    public void Parser_RejectsBadInput_WithPathAndClearMessage(string json, string message, string path)
    {
        var ex = Bad(json);
        Assert.Equal(400, ex.Status);
        Assert.Contains(message, ex.Message);
        Assert.Equal(path, ex.Path);
    }
}
