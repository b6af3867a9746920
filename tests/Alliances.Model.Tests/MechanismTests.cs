using Xunit.Abstractions;

namespace Alliances.Model.Tests;

/// <summary>
/// Batches of runs shared by the mechanism tests (computed once, lazily). Every batch uses replications 0..R-1 of the
/// same master seed, so two batches form paired designs: replication r sees the same region (RegionGenerator with the
/// (seed, r, Region) stream), agents and shocks in both (common random numbers). Default parameters throughout.
/// </summary>
internal static class Batches
{
    public const int R = 200;

    /// <summary>
    /// Replications for the regional-table effect on the Gini coefficient: a small effect (≈ +0.009 on ≈ 0.18, paired
    /// sd ≈ 0.044 over 1000 replications), for which 200 replications give an expected z of only ≈ 2; 400 give ≈ 4.
    /// </summary>
    public const int RLarge = 400;

    public static readonly Levers DecentralizedWithTable = Designs.Decentralized with
    {
        RegionalTable = true,
        TableHasElected = true,
        TableHasLocalConcertations = true,
        TableHasSectoralPartners = true,
        PartnerRole = PartnerRole.Administrative,
    };

    public static readonly ShockSpec Gap = new() { FundingGap = true, GapStart = 36, GapMonths = 18 };
    public static readonly ShockSpec GapBridged = Gap with { BridgingShare = 0.5 };

    private static readonly Lazy<double[][]> _decentralized = new(() => TestSupport.EndMetrics(Designs.Decentralized, RLarge));
    private static readonly Lazy<double[][]> _balanced = new(() => TestSupport.EndMetrics(Designs.Balanced, R));
    private static readonly Lazy<double[][]> _decentralizedTable = new(() => TestSupport.EndMetrics(DecentralizedWithTable, RLarge));
    /// <summary>Replications 0..R-1 of the decentralized preset (<see cref="DecentralizedLarge"/> holds 0..RLarge-1).</summary>
    public static double[][] Decentralized => _decentralized.Value[..R];
    public static double[][] DecentralizedLarge => _decentralized.Value;
    public static double[][] DecentralizedTable => _decentralizedTable.Value;
    public static double[][] Balanced => _balanced.Value;
}

/// <summary>
/// Mechanism tests (the issue's Done-when list and brief §9 targets). Each compares paired designs over
/// <see cref="Batches.R"/> replications and requires the mean paired difference to exceed zero by more than two standard
/// errors. Effect sizes seen at the time of writing (seed 20240611, R = 200, model of commit d8bbb6b) are noted in
/// comments; they move as the model is tuned.
/// </summary>
public class MechanismTests(ITestOutputHelper output)
{
    private static readonly int R = Batches.R;

    /// <summary>Logs the paired comparison (visible with a detailed logger) and asserts A − B > 2 SE.</summary>
    private void Expect(Paired p, string what)
    {
        output.WriteLine($"{what}: {p}");
        p.AssertPositive(what);
    }

    // 1. Without a regional table progress is more unequal (M23, M32, M33; target d) -------------------------

    [Fact]
    public void NoRegionalTable_WidensTerritorialGini()
    {
        // A small effect, hence 400 replications. Seen: gini 0.176 without vs 0.171 with the table, diff ≈ +0.006, z ≈ 2.6
        // (an earlier model version: +0.007, z ≈ 3.4; over 1000 replications +0.0087, z ≈ 6). Fragile: it is the weakest
        // of these effects.
        var p = Paired.Of(Batches.DecentralizedLarge, Batches.DecentralizedTable, MetricCatalog.TerritorialGini);
        Expect(p, "territorial_gini(decentralized) − territorial_gini(decentralized + regional table)");
    }

    [Fact]
    public void NoRegionalTable_WidensCapacityGap()
    {
        // Seen: capacity_gap 0.145 without vs 0.114 with the table, diff ≈ +0.031, z ≈ 37 (400 replications).
        var p = Paired.Of(Batches.DecentralizedLarge, Batches.DecentralizedTable, MetricCatalog.CapacityGap);
        Expect(p, "capacity_gap(decentralized) − capacity_gap(decentralized + regional table)");
    }

    [Fact]
    public void Decentralized_MoreUnequalThanBalanced_TargetD()
    {
        // Seen: gini 0.179 vs 0.100 (diff ≈ +0.079, z ≈ 18); capacity_gap 0.145 vs 0.021 (diff ≈ +0.124, z ≈ 41).
        Expect(Paired.Of(Batches.Decentralized, Batches.Balanced, MetricCatalog.TerritorialGini), "territorial_gini(decentralized) − territorial_gini(balanced)");
        Expect(Paired.Of(Batches.Decentralized, Batches.Balanced, MetricCatalog.CapacityGap), "capacity_gap(decentralized) − capacity_gap(balanced)");
    }

    // 2. Accompaniment with an allowance keeps experts de vécu (M51, M53) --------------------------------------

    [Fact]
    public void AccompanimentAndAllowance_RaiseExpertRetention()
    {
        // Seen: retention 0.687 vs 0.496 without accompaniment and allowance, diff ≈ +0.19, z ≈ 29.
        var bare = TestSupport.EndMetrics(Designs.Balanced with { ExpertAccompaniment = ExpertAccompaniment.None, Allowance = Allowance.None }, R);
        Expect(Paired.Of(Batches.Balanced, bare, MetricCatalog.ExpertsRetention), "experts_retention(balanced) − experts_retention(balanced without accompaniment and allowance)");
    }

    // 3. Repeated overrides of experts' recommendations lead to exit (M54) -------------------------------------

    [Fact]
    public void RepeatedOverrides_RaiseExpertExits()
    {
        // Seen: exits 48.5 at override 0.6 vs 32.9 at 0.05 (diff ≈ +15.7, z ≈ 27); retention 0.637 vs 0.699 (diff ≈ −0.062, z ≈ 11).
        var often = TestSupport.EndMetrics(Designs.Balanced, R, tune: p => p[P.OverrideBase] = 0.6);
        var rarely = TestSupport.EndMetrics(Designs.Balanced, R, tune: p => p[P.OverrideBase] = 0.05);
        Expect(Paired.Of(often, rarely, MetricCatalog.ExpertExits), "expert_exits(override 0.6) − expert_exits(override 0.05)");
        Expect(Paired.Of(rarely, often, MetricCatalog.ExpertsRetention), "experts_retention(override 0.05) − experts_retention(override 0.6)");
    }

    // 4. A larger regional share: more regional projects, coverage and alignment (M21, M22; targets a, b) -------

    private static readonly Lazy<(double[][] At25, double[][] At10)> _shares = new(() =>
        (TestSupport.EndMetrics(Designs.Balanced with { RegionalShare = 0.25 }, R),
         TestSupport.EndMetrics(Designs.Balanced with { RegionalShare = 0.10 }, R)));

    [Fact]
    public void LargerRegionalShare_MoreRegionalProjects_TargetB()
    {
        // Seen: 6.6 vs 3.3 regional projects (diff ≈ +3.2, z ≈ 45).
        var (at25, at10) = _shares.Value;
        Expect(Paired.Of(at25, at10, MetricCatalog.RegionalProjects), "regional_projects(25 %) − regional_projects(10 %)");
    }

    [Fact]
    public void LargerRegionalShare_RaisesRegionalPriorityCoverage_TargetB()
    {
        // Seen: coverage 0.999 vs 0.916 (diff ≈ +0.084, z ≈ 13).
        var (at25, at10) = _shares.Value;
        Expect(Paired.Of(at25, at10, MetricCatalog.RegionalPriorityCoverage), "regional_priority_coverage(25 %) − regional_priority_coverage(10 %)");
    }

    [Fact]
    public void LargerRegionalShare_RaisesPriorityAlignment_TargetB()
    {
        // Target (b): lower alignment at 10 % than at 25 %. Seen: 0.919 vs 0.913 (diff ≈ +0.006, z ≈ 4; an earlier model
        // version had no detectable effect, +0.0006, z ≈ 0.4). A small effect: regional projects are few among ≈ 125 funded projects, the rest
        // comes from the synergy pull of regional projects on local tables' priorities.
        var (at25, at10) = _shares.Value;
        Expect(Paired.Of(at25, at10, MetricCatalog.PriorityAlignment), "priority_alignment(25 %) − priority_alignment(10 %)");
    }

    [Fact]
    public void RegionalShare25_AlignmentAbove90Percent_TargetA()
    {
        // Seen: mean 0.919 (se 0.003; min over replications 0.80); mean − 2 se must lie above 0.90.
        var (at25, _) = _shares.Value;
        var values = at25.Select(m => m[MetricCatalog.PriorityAlignment]).ToArray();
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        output.WriteLine($"priority_alignment at 25 %: mean {mean:F4} se {se:F4} min {values.Min():F4}");
        Assert.True(mean - 2 * se > 0.90, $"priority_alignment at 25 %: mean {mean:F4} se {se:F4}; target > 0.90");
    }

    // 5. A funding interruption makes mobilisation decay, faster regionally; bridging slows it (M70; target h) ---

    private static readonly Lazy<(double[][] None, double[][] Gap, double[][] Bridged)> _gapSeries = new(() =>
        (TestSupport.MonthlySeries(Designs.Decentralized, R),
         TestSupport.MonthlySeries(Designs.Decentralized, R, Batches.Gap),
         TestSupport.MonthlySeries(Designs.Decentralized, R, Batches.GapBridged)));

    private const int BeforeGap = 35, GapEnd = 53; // the gap covers months 36..53

    [Fact]
    public void FundingGap_LowersMobilization()
    {
        // Seen: mobilization at month 53 0.468 without the gap vs 0.245 with it (diff ≈ +0.223, z ≈ 77); under the gap it
        // falls from 0.454 at month 35 (z ≈ 73).
        var (none, gap, _) = _gapSeries.Value;
        var p = Paired.Of(none.Select(s => TestSupport.At(s, GapEnd, MetricCatalog.Mobilization)).ToArray(),
                          gap.Select(s => TestSupport.At(s, GapEnd, MetricCatalog.Mobilization)).ToArray());
        Expect(p, "mobilization at the gap's end: no gap − gap");
        // And it is a fall over the gap, not only a slower rise.
        var fall = Paired.Of(gap.Select(s => TestSupport.At(s, BeforeGap, MetricCatalog.Mobilization)).ToArray(),
                             gap.Select(s => TestSupport.At(s, GapEnd, MetricCatalog.Mobilization)).ToArray());
        Expect(fall, "mobilization month 35 − month 53 under the gap");
    }

    [Fact]
    public void FundingGap_RegionalEngagementFallsFasterThanLocal_TargetH()
    {
        // Relative drop from month 35 to month 53. Seen: regional −59 %, local −38 %; paired difference of relative drops
        // ≈ +0.21, z ≈ 149.
        var (_, gap, _) = _gapSeries.Value;
        double Drop(double[] s, int metric) => (TestSupport.At(s, BeforeGap, metric) - TestSupport.At(s, GapEnd, metric)) / TestSupport.At(s, BeforeGap, metric);
        var p = Paired.Of(gap.Select(s => Drop(s, MetricCatalog.RegionalEngagement)).ToArray(),
                          gap.Select(s => Drop(s, MetricCatalog.LocalEngagement)).ToArray());
        Expect(p, "relative drop of regional_engagement − relative drop of local_engagement");
    }

    [Fact]
    public void FundingGap_BridgingSlowsTheFall_TargetH()
    {
        // Seen: mobilization at month 53 0.372 with bridging vs 0.245 without (diff ≈ +0.127, z ≈ 74); regional engagement
        // 0.278 vs 0.152 (z ≈ 39), local 0.466 vs 0.338 (z ≈ 350).
        var (_, gap, bridged) = _gapSeries.Value;
        var p = Paired.Of(bridged.Select(s => TestSupport.At(s, GapEnd, MetricCatalog.Mobilization)).ToArray(),
                          gap.Select(s => TestSupport.At(s, GapEnd, MetricCatalog.Mobilization)).ToArray());
        Expect(p, "mobilization at the gap's end: bridged − not bridged");
        // Both engagement levels fall less with bridging.
        foreach (int metric in new[] { MetricCatalog.RegionalEngagement, MetricCatalog.LocalEngagement })
            Expect(Paired.Of(bridged.Select(s => TestSupport.At(s, GapEnd, metric)).ToArray(),
                      gap.Select(s => TestSupport.At(s, GapEnd, metric)).ToArray()), $"{MetricCatalog.All[metric].Name} at the gap's end: bridged − not bridged");
    }

    [Fact]
    public void FundingGap_ChangesNothingBeforeItStarts()
    {
        // Common random numbers: months before the gap are identical with and without it.
        var (none, gap, bridged) = _gapSeries.Value;
        int upTo = BeforeGap * MetricCatalog.Count + MetricCatalog.Count; // months 0..35
        for (int r = 0; r < 10; r++)
        {
            Assert.Equal(none[r].AsSpan(0, upTo).ToArray(), gap[r].AsSpan(0, upTo).ToArray());
            Assert.Equal(none[r].AsSpan(0, upTo).ToArray(), bridged[r].AsSpan(0, upTo).ToArray());
        }
    }

    // 6. Local recommendations are nearly always ratified (M35; target e) ---------------------------------------

    [Fact]
    public void Ratification_CloseToOne_WhereLocalBodiesRecommend_TargetE()
    {
        // Seen: decentralized (MRC co-signatory) 0.973, balanced (concertation recommends) 0.971, MRC recommends 0.971.
        var designs = new (string Name, double[][] Runs)[]
        {
            ("decentralized", Batches.Decentralized),
            ("balanced", Batches.Balanced),
            ("balanced, MRC recommends", TestSupport.EndMetrics(Designs.Balanced with { LocalDecision = LocalDecisionPath.MrcRecommends }, R)),
        };
        foreach (var (name, runs) in designs)
        {
            double mean = runs.Average(m => m[MetricCatalog.RatificationRate]);
            output.WriteLine($"{name}: mean ratification rate {mean:F4}");
            Assert.True(mean >= 0.95, $"{name}: mean ratification rate {mean:F4} < 0.95");
            Assert.True(mean < 1.0, $"{name}: ratification rate exactly 1: no local recommendation reached a decision");
        }
        // Where no local body recommends (centralized pole) the metric is 1 by definition: there was nothing to ratify.
        var central = TestSupport.EndMetrics(Designs.Centralized, 20);
        Assert.All(central, m => Assert.Equal(1.0, m[MetricCatalog.RatificationRate]));
    }
}
