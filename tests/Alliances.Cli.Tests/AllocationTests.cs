using Alliances.Experiments.Allocation;
using Alliances.Experiments.Scenarios;

namespace Alliances.Cli.Tests;

/// <summary>The inter-regional allocation (report L435-438): exact sums in cents, the as-is rule on a hand-made example,
/// the alternative rule, and its use from a scenario ("envelopeFromAllocation").</summary>
public sealed class AllocationTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // A: 100 $ in 2010-2015, IDMS weight 1000 × 0.5 = 500, density 10
    // B: 200 $, 3000 × 0.2 = 600, density 40
    // C:   0 $, 2000 × 0.4 = 800, density 5
    private static readonly RegionAllocationInput[] Hand =
    [
        new("A", 10_000, 1000, 0.5, 10),
        new("B", 20_000, 3000, 0.2, 40),
        new("C", 0, 2000, 0.4, 5),
    ];

    [Fact]
    public void As_is_rule_follows_the_report_on_a_hand_made_example()
    {
        // Budget 1 000 $ = 100 000 cents. Bases +20 %: A 12 000, B 24 000, C 0 (36 000). Balance 64 000:
        // 95 % = 60 800 by IDMS weight 500/600/800 of 1 900: 16 000, 19 200, 25 600;
        // 5 % = 3 200 by inverse density 0.1/0.025/0.2 of 0.325: 984.6, 246.2, 1969.2 -> 985, 246, 1969 (largest remainder).
        var amounts = new AsIsAllocationRule().Allocate(Hand, 100_000);
        Assert.Equal([12_000 + 16_000 + 985, 24_000 + 19_200 + 246, 25_600 + 1_969], amounts);
        Assert.Equal(100_000, amounts.Sum());
    }

    [Fact]
    public void Density_can_weigh_directly()
    {
        // 5 % = 3 200 by density 10/40/5 of 55: 581.8, 2327.3, 290.9 -> 582, 2327, 291.
        var amounts = new AsIsAllocationRule { Density = DensityWeighting.Direct }.Allocate(Hand, 100_000);
        Assert.Equal([12_000 + 16_000 + 582, 24_000 + 19_200 + 2_327, 25_600 + 291], amounts);
    }

    [Fact]
    public void Per_capita_deprivation_rule_ignores_history_and_density()
    {
        // 100 000 by 500/600/800: 26 315.8, 31 578.9, 42 105.3 -> 26 316, 31 579, 42 105.
        var amounts = new PerCapitaDeprivationRule().Allocate(Hand, 100_000);
        Assert.Equal([26_316, 31_579, 42_105], amounts);
    }

    [Fact]
    public void When_the_uplifted_bases_exceed_the_budget_it_is_shared_by_the_bases()
    {
        var amounts = new AsIsAllocationRule().Allocate(Hand, 30_000);
        Assert.Equal([10_000, 20_000, 0], amounts);
    }

    [Fact]
    public void Amounts_always_sum_exactly_to_the_budget()
    {
        IInterRegionalAllocationRule[] rules = [new AsIsAllocationRule(), new AsIsAllocationRule { Density = DensityWeighting.Direct }, new PerCapitaDeprivationRule()];
        for (int n = 1; n <= 21; n++)
        {
            var regions = Enumerable.Range(0, n).Select(i => new RegionAllocationInput(
                $"R{i}", (i * 7_919L % 997) * 100_003, 10_000 + i * 37_717 % 500_000, (i * 13 % 17) / 17.0, 0.3 + i * 31 % 400)).ToArray();
            foreach (var budget in new[] { 0L, 1L, 7L, 99_999L, 14_490_000_000L, 16_010_000_000L })
                foreach (var rule in rules)
                {
                    var amounts = rule.Allocate(regions, budget);
                    Assert.Equal(n, amounts.Length);
                    Assert.Equal(budget, amounts.Sum());
                    Assert.All(amounts, a => Assert.True(a >= 0));
                }
        }
    }

    [Fact]
    public void Distribute_is_exact_and_proportional()
    {
        var parts = InterRegionalAllocation.Distribute(10, [1, 1, 1]);
        Assert.Equal([4, 3, 3], parts);
        Assert.Equal([0, 0, 0], InterRegionalAllocation.Distribute(0, [1, 2, 3]));
        Assert.Equal([5, 5], InterRegionalAllocation.Distribute(10, [0, 0]));
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        var rule = new AsIsAllocationRule();
        Assert.Throws<ArgumentException>(() => rule.Allocate([], 100));
        Assert.Throws<ArgumentException>(() => rule.Allocate([Hand[0], Hand[0]], 100));
        Assert.Throws<ArgumentException>(() => rule.Allocate([Hand[0] with { Density = 0 }], 100));
        Assert.Throws<ArgumentException>(() => rule.Allocate(Hand, -1));
    }

    private const string AllocationJson = """
        "envelopeFromAllocation": {
          "budget": 1000, "rule": "asIs", "region": "B",
          "regions": [
            { "name": "A", "previousAllocation": 100, "population": 1000, "deprivation": 0.5, "density": 10 },
            { "name": "B", "previousAllocation": 200, "population": 3000, "deprivation": 0.2, "density": 40 },
            { "name": "C", "previousAllocation": 0, "population": 2000, "deprivation": 0.4, "density": 5 }
          ]
        }
        """;

    [Fact]
    public void A_scenario_takes_its_envelope_from_the_allocation()
    {
        var file = _tmp.Write("alloc.json", $$"""
            { "name": "alloc", "region": { "generator": { "territories": 4 }, {{AllocationJson}} } }
            """);
        var s = ScenarioLoader.Load(file);
        Assert.Equal(434.46, s.Region.Generator.Envelope, 6);
        Assert.Equal("B", s.EnvelopeAllocation!.Region);
        Assert.Equal(43_446, s.EnvelopeAllocation.AmountCents);
        Assert.Equal(4, s.Region.Generator.Territories);
    }

    [Fact]
    public void The_allocation_rule_can_be_chosen_and_applies_to_an_explicit_region()
    {
        var file = _tmp.Write("alloc2.json", $$"""
            { "name": "alloc2", "region": {
                "territories": [ { "name": "x" }, { "name": "y" }, { "name": "z" } ],
                {{AllocationJson.Replace("\"asIs\"", "\"perCapitaDeprivation\"")}} } }
            """);
        var s = ScenarioLoader.Load(file);
        Assert.Equal(315.79, s.Region.Region!.Envelope, 6);
        Assert.Equal(PerCapitaDeprivationRule.RuleName, s.EnvelopeAllocation!.Rule);
    }

    [Fact]
    public async Task Describe_prints_the_allocation_table()
    {
        var file = _tmp.Write("alloc3.json", $$"""
            { "name": "alloc3", "region": { "generator": { "territories": 4 }, {{AllocationJson}} } }
            """);
        var r = await Cli.RunAsync("describe", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("rule 'asIs'", r.Stdout);
        Assert.Contains("> B", r.Stdout);
        Assert.Contains("434 $", r.Stdout);
    }
}
