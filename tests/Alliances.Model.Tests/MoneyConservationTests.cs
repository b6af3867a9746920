using Alliances.Rng;

namespace Alliances.Model.Tests;

/// <summary>
/// Money is integer cents and is conserved exactly: after every month, what the ministry paid equals every FQIS balance
/// plus what was spent; nothing is paid beyond the scheduled envelope plus bridging.
/// </summary>
public class MoneyConservationTests
{
    public static TheoryData<string, string> PresetsByShock()
    {
        var data = new TheoryData<string, string>();
        foreach (var preset in Designs.Presets.Keys)
            foreach (var variant in TestSupport.ShockVariants())
                data.Add(preset, variant.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(PresetsByShock))]
    public void Conserved_ToTheCent_EveryMonth(string preset, string shockVariant)
    {
        var (_, shocks, edition) = TestSupport.ShockVariants().Single(v => v.Name == shockVariant);
        for (long r = 0; r < 4; r++)
            CheckRun(Designs.Presets[preset], shocks, edition, seed: 31, r, territories: 10);
    }

    [Fact]
    public void Conserved_UnderRandomLevers_AndTerritoryCounts()
    {
        var rng = Streams.Create(TestSupport.Seed, 0, Purpose.Sampling);
        var variants = TestSupport.ShockVariants().ToArray();
        int[] territories = [3, 10, 20];
        for (int k = 0; k < 24; k++)
        {
            var levers = TestSupport.RandomLevers(ref rng);
            var (_, shocks, edition) = variants[k % variants.Length];
            CheckRun(levers, shocks, edition, seed: 37, k, territories[k % territories.Length]);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Conserved_WithZeroRegionalShare(bool coFunding)
    {
        // At 0 % the territories concerned co-fund regional projects from their local envelopes, to the cent.
        var levers = Designs.Balanced with { RegionalShare = 0, RegionalCoFunding = coFunding };
        for (long r = 0; r < 6; r++) CheckRun(levers, new ShockSpec(), new EditionSpec(), seed: 41, r, territories: 10);
    }

    private static void Ensure(bool ok, Func<string> message)
    {
        if (!ok) Assert.Fail(message());
    }

    private static void CheckRun(Levers levers, ShockSpec shocks, EditionSpec edition, ulong seed, long replication, int territories)
    {
        var inputs = TestSupport.Inputs(seed, replication, shocks, edition, territories: territories);
        var sim = new Simulation(inputs, levers, seed, replication);
        var w = sim.World;
        long scheduled = 0;
        foreach (long p in w.PaymentAt) { Assert.True(p >= 0); scheduled += p; }
        Assert.Equal(w.EditionEnvelope, scheduled);
        long expectedEnvelope = World.Cents(inputs.Region.Envelope) + (edition.ExtensionMonths > 0 ? World.Cents(edition.ExtensionEnvelope) : 0);
        Assert.Equal(expectedEnvelope, w.EditionEnvelope);
        long maxBridging = shocks.FundingGap && shocks.BridgingShare > 0 ? (long)Math.Round(w.EditionEnvelope / 6.0 * shocks.BridgingShare) : 0;

        long scheduledSoFar = 0;
        while (!sim.Finished)
        {
            int month = w.Month;
            scheduledSoFar += month < w.PaymentAt.Length ? w.PaymentAt[month] : 0;
            sim.Step();
            string Where() => $"month {month}, replication {replication}, T={territories}, levers {levers}";
            Ensure(w.PaidByMinistry == w.LedgerTotal(), () => $"ledger {w.LedgerTotal()} ≠ paid {w.PaidByMinistry} at {Where()}");
            Ensure(w.PaidByMinistry <= scheduledSoFar + w.BridgingPaid, () => $"paid ahead of schedule at {Where()}");
            Ensure(w.PaidByMinistry + w.Withheld == scheduledSoFar + w.BridgingPaid, () => $"payments unaccounted for at {Where()}");
            Ensure(w.BridgingPaid <= maxBridging, () => $"bridging {w.BridgingPaid} > {maxBridging} at {Where()}");
            Ensure(w.PaidByMinistry <= w.EditionEnvelope + w.BridgingPaid, () => $"paid beyond the envelope at {Where()}");
            // No negative balance anywhere.
            Ensure(w.CoordinationReserve >= 0 && w.RegionalEnvelope >= 0 && w.Spent >= 0, () => $"negative balance at {Where()}");
            for (int t = 0; t < w.T; t++) Ensure(w.LocalEnvelope[t] >= 0, () => $"negative local envelope of T{t} at {Where()}");
            for (int q = 0; q < w.ProjectCount; q++)
                Ensure(w.ProjRemaining[q] >= 0 && w.ProjRemaining[q] <= w.ProjBudget[q], () => $"project {q} balance at {Where()}");
            Ensure(w.CoordinationSpent <= w.Spent, () => $"coordination spending exceeds spending at {Where()}");
        }
        Assert.Equal(edition.TotalMonths, w.Month);
        Assert.Equal(w.EditionEnvelope + w.BridgingPaid, w.PaidByMinistry + w.Withheld);
        if (!shocks.FundingGap) Assert.Equal(w.EditionEnvelope, w.PaidByMinistry);
        if (shocks.FundingGap && shocks.BridgingShare > 0) Assert.Equal(maxBridging, w.BridgingPaid); // paid once
    }
}
