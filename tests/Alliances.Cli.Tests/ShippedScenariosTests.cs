using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Validation;
using Alliances.Model;

namespace Alliances.Cli.Tests;

/// <summary>Every shipped scenario (scenarios/*.json except the schema) loads, runs with `run` and with `compare`.</summary>
public sealed class ShippedScenariosTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string ScenarioDir => Path.Combine(RepoPaths.Root, "scenarios");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in ScenarioCatalog.Files(ScenarioDir)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void The_library_has_the_scenarios_of_the_issue()
    {
        var names = ScenarioCatalog.Files(ScenarioDir).Select(Path.GetFileName).ToList();
        foreach (var expected in new[] { "default.json", "as-is-2017-2023.json", "rassembleur.json", "third-edition.json", "pandemic.json",
                     "funding-gap.json", "funding-gap-bridging.json", "example-region.json" })
            Assert.Contains(expected, names);
        Assert.DoesNotContain("scenario.schema.json", names);
        Assert.True(File.Exists(Path.Combine(ScenarioDir, "regions", "example-region.json")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_scenario_loads_with_a_unique_name_and_a_description(string file)
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), s.Name);
        Assert.Contains("FR", s.Description);
        Assert.Contains("EN:", s.Description);
        Assert.NotEmpty(s.Designs);
        Assert.NotNull(s.FindDesign(s.DefaultDesign));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Shipped_scenario_runs_with_run(string file)
    {
        var outDir = _tmp["run-" + Path.GetFileNameWithoutExtension(file)];
        var r = await Cli.RunAsync("run", Path.Combine(ScenarioDir, file), "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "metrics.csv")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Shipped_scenario_runs_with_compare(string file)
    {
        var outDir = _tmp["compare-" + Path.GetFileNameWithoutExtension(file)];
        var r = await Cli.RunAsync("compare", Path.Combine(ScenarioDir, file), "--replications", "3", "--threads", "2", "--quiet", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.csv")));
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, file));
        var summary = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        foreach (var d in s.Designs) Assert.Contains(summary, l => l.StartsWith(d.Name + ",", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_scenario_keeps_its_meaning()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "default.json"));
        Assert.Equal(["centralized", "decentralized", "balanced"], s.Designs.Select(d => d.Name));
        Assert.Equal(Designs.Balanced, s.FindDesign("balanced")!.Levers);
        Assert.Equal(200, s.Replications);
        Assert.True(s.Shocks.Pandemic);
        Assert.False(s.Shocks.FundingGap);
    }

    [Fact]
    public void As_is_scenario_has_seven_designs_carrying_the_tableau_6_distributions()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "as-is-2017-2023.json"));
        Assert.Equal(7, s.Designs.Count); // inheritDesigns: false drops default.json's presets
        foreach (var dim in Tableau6.Dimensions)
            Assert.Equal(dim.Expected, Tableau6.Observed(dim, s.Designs.Select(d => d.Levers)));
        foreach (var (cell, check) in Tableau6.StatedCells) Assert.True(check(s.Designs) is null, cell);
        Assert.Equal([0, 0.08, 0.10, 0.10, 0.10, 0.15, 0.25], s.Designs.Select(d => d.Levers.RegionalShare).OrderBy(x => x));
    }

    [Fact]
    public void Tableau_6_check_detects_a_wrong_count()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "as-is-2017-2023.json"));
        var changed = s.Designs.Select((d, i) => i == 0 ? d.Levers with { ManagementMode = ManagementMode.TwoTier } : d.Levers).ToList();
        var dim = Tableau6.Dimensions.Single(d => d.Name == "FQIS management");
        Assert.NotEqual(dim.Expected, Tableau6.Observed(dim, changed));
    }

    [Fact]
    public void Rassembleur_designs_differ_only_by_the_regional_share()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "rassembleur.json"));
        var a = s.FindDesign(CalibrationValidator.Rassembleur25)!.Levers;
        var b = s.FindDesign(CalibrationValidator.Rassembleur10)!.Levers;
        Assert.Equal(0.25, a.RegionalShare);
        Assert.Equal(a with { RegionalShare = 0.10 }, b);
        Assert.Equal(StrategicDevice.Chantiers, a.StrategicDevice);
        Assert.Equal(PartnerRole.Anchoring, a.PartnerRole);
        Assert.True(a.RegionalTable && a.TableHasElected && a.TableHasLocalConcertations && a.TableHasSectoralPartners && a.TableHasExperts);
    }

    [Fact]
    public void Funding_gap_scenarios_differ_only_by_bridging()
    {
        var gap = ScenarioLoader.Load(Path.Combine(ScenarioDir, "funding-gap.json"));
        var bridged = ScenarioLoader.Load(Path.Combine(ScenarioDir, "funding-gap-bridging.json"));
        Assert.True(gap.Shocks.FundingGap);
        Assert.Equal(0, gap.Shocks.BridgingShare);
        Assert.True(bridged.Shocks.BridgingShare > 0);
        Assert.Equal(gap.Shocks with { BridgingShare = bridged.Shocks.BridgingShare, ElectionMonths = bridged.Shocks.ElectionMonths }, bridged.Shocks);
        Assert.Equal(gap.Shocks.ElectionMonths, bridged.Shocks.ElectionMonths);
        Assert.Equal(gap.Seed, bridged.Seed);
        Assert.Equal(gap.Designs, bridged.Designs);
    }

    [Fact]
    public void Third_edition_candidates_each_change_their_own_levers_from_the_typical_region()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "third-edition.json"));
        var baseline = s.FindDesign("as-is-typical")!.Levers;
        Assert.Equal(new Levers(), baseline);
        Assert.True(s.FindDesign("inclusive-table")!.Levers is { TableHasExperts: true, ExpertsPerBody: >= 2, Allowance: Allowance.StandardAllowance, ExpertAccompaniment: ExpertAccompaniment.DedicatedAgent });
        Assert.Equal(LocalSplit.CapacityCompensating, s.FindDesign("equalising-split")!.Levers.LocalSplit);
        Assert.True(s.FindDesign("senior-respondent")!.Levers is { RespondentSeniority: RespondentSeniority.Director, MinistryAccompaniment: MinistryAccompaniment.Targeted });
        Assert.True(s.FindDesign("funded-coordination")!.Levers is { Coordination: CoordinationMode.FundedAnimation, PracticeCommunity: not PracticeCommunity.None });
        Assert.Equal(GenerationMode.Concerted, s.FindDesign("concerted-local")!.Levers.GenerationMode);
        Assert.True(s.FindDesign("larger-share")!.Levers.RegionalShare > baseline.RegionalShare);
    }

    [Fact]
    public void Example_region_scenario_reads_the_region_file_and_takes_its_envelope_from_the_allocation()
    {
        var s = ScenarioLoader.Load(Path.Combine(ScenarioDir, "example-region.json"));
        var region = s.Region.Region!;
        Assert.Equal(8, region.Territories.Count);
        Assert.NotNull(s.EnvelopeAllocation);
        Assert.Equal(s.EnvelopeAllocation!.AmountCents / 100.0, region.Envelope);
        Assert.Equal(s.EnvelopeAllocation.BudgetCents, s.EnvelopeAllocation.AmountsCents.Sum());
        Assert.Contains(s.Sources, x => x.Role == "region" && x.Path.EndsWith("example-region.json", StringComparison.Ordinal));
    }
}
