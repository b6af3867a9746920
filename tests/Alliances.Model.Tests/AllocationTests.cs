using Alliances.Rng;

namespace Alliances.Model.Tests;

/// <summary>
/// The monthly step allocates nothing once the world exists (not a timing test): all state and scratch buffers are
/// allocated by Initialization. When a step allocates, the per-submodel breakdown names the culprit.
/// </summary>
public class AllocationTests
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
    public void MonthlyStep_AllocatesNothing_AfterWarmUp(string preset, string shockVariant)
    {
        var (_, shocks, edition) = TestSupport.ShockVariants().Single(v => v.Name == shockVariant);
        var levers = Designs.Presets[preset];
        var inputs = TestSupport.Inputs(71, 0, shocks, edition);
        Simulation.RunToEnd(inputs, levers, 71, 0); // warm-up: every code path jitted once

        var sim = new Simulation(inputs, levers, 71, 0);
        for (int k = 0; k < 4; k++) sim.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 12; k++) sim.Step();
        long twelve = GC.GetAllocatedBytesForCurrentThread() - before;

        var observer = new NullObserver();
        before = GC.GetAllocatedBytesForCurrentThread();
        sim.Run(observer); // the rest of the run, through calls, the gap and the extension year
        long rest = GC.GetAllocatedBytesForCurrentThread() - before;

        if (twelve != 0 || rest != 0)
            Assert.Fail($"{preset}/{shockVariant}: {twelve} bytes in 12 steps, {rest} bytes in the rest of the run; by submodel: {BySubmodel(inputs, levers, 71, 0)}");
        Assert.True(observer.Months > 0);
    }

    [Fact]
    public void MonthlyStep_AllocatesNothing_UnderRandomLevers()
    {
        var rng = Streams.Create(TestSupport.Seed, 2, Purpose.Sampling);
        // Elections are left out here: they have their own rows in the theory above.
        var variants = TestSupport.ShockVariants().Where(v => !v.Shocks.Elections).ToArray();
        int[] territories = [3, 10, 20];
        for (int k = 0; k < 12; k++)
        {
            var levers = TestSupport.RandomLevers(ref rng);
            var (name, shocks, edition) = variants[k % variants.Length];
            var inputs = TestSupport.Inputs(73, k, shocks, edition, territories: territories[k % 3]);
            Simulation.RunToEnd(inputs, levers, 73, k);
            var sim = new Simulation(inputs, levers, 73, k);
            for (int m = 0; m < 4; m++) sim.Step();
            long before = GC.GetAllocatedBytesForCurrentThread();
            while (!sim.Finished) sim.Step();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (bytes != 0) Assert.Fail($"{bytes} bytes (variant {name}, levers {levers}); by submodel: {BySubmodel(inputs, levers, 73, k)}");
        }
    }

    /// <summary>
    /// Replays <see cref="Simulation.Step"/> submodel by submodel (same order, same streams) and reports the bytes each
    /// allocated after month 4. Kept in step with Simulation.Step; <see cref="ManualReplay_MatchesSimulation"/> checks it.
    /// </summary>
    private static string BySubmodel(RunInputs inputs, Levers levers, ulong seed, long replication)
    {
        var bytes = new long[11];
        var names = new[] { "ShockEvents.Apply", "Funding.Disburse", "Concertation.Meet", "Planning.Plan", "ProjectGeneration.Generate",
            "Selection.Decide", "ProjectExecution.Advance", "Mobilization.Update", "ExpertParticipation.Update", "CapacityLearning.Update",
            "MetricsCalculator.Region" };
        Replay(inputs, levers, seed, replication, bytes);
        var parts = names.Select((n, i) => $"{n}={bytes[i]}").ToArray();
        return string.Join(", ", parts);
    }

    private static World Replay(RunInputs inputs, Levers levers, ulong seed, long replication, long[]? bytes, double[]? lastMetrics = null)
    {
        var w = Initialization.Create(inputs.Region, levers, inputs.Parameters, inputs.Shocks, inputs.Edition, seed, replication);
        var meetings = Streams.Create(seed, replication, Purpose.Meetings);
        var mobilization = Streams.Create(seed, replication, Purpose.Mobilization);
        var projects = Streams.Create(seed, replication, Purpose.Projects);
        var selection = Streams.Create(seed, replication, Purpose.Selection);
        var execution = Streams.Create(seed, replication, Purpose.Execution);
        var experts = Streams.Create(seed, replication, Purpose.Experts);
        var elections = Streams.Create(seed, replication, Purpose.Elections);
        var reporting = Streams.Create(seed, replication, Purpose.Reporting);
        var metrics = new MetricsCalculator(w);
        var m = lastMetrics ?? new double[MetricCatalog.Count];
        while (w.Month < w.Edition.TotalMonths)
        {
            bool measure = bytes is not null && w.Month >= 4;
            int k = 0;
            long t0 = GC.GetAllocatedBytesForCurrentThread();
            void Mark()
            {
                long t1 = GC.GetAllocatedBytesForCurrentThread();
                if (measure) bytes![k] += t1 - t0;
                k++;
                t0 = GC.GetAllocatedBytesForCurrentThread();
            }
            ShockEvents.Apply(w, ref elections); Mark();
            Funding.Disburse(w); Mark();
            Concertation.Meet(w, ref meetings); Mark();
            Planning.Plan(w); Mark();
            ProjectGeneration.Generate(w, ref projects); Mark();
            Selection.Decide(w, ref selection, ref reporting); Mark();
            ProjectExecution.Advance(w, ref execution); Mark();
            Mobilization.Update(w, ref mobilization); Mark();
            ExpertParticipation.Update(w, ref experts); Mark();
            CapacityLearning.Update(w); Mark();
            metrics.Region(w, m); Mark();
            w.Month++;
        }
        return w;
    }

    [Fact]
    public void ManualReplay_MatchesSimulation()
    {
        // Guards the diagnostic: if Simulation.Step changes order or streams, the replay above must follow.
        var inputs = TestSupport.Inputs(79, 1, new ShockSpec { FundingGap = true, BridgingShare = 0.5, Elections = true });
        foreach (var levers in Designs.Presets.Values)
        {
            var expected = Simulation.RunToEnd(inputs, levers, 79, 1);
            var actual = new double[MetricCatalog.Count];
            Replay(inputs, levers, 79, 1, null, actual);
            Assert.Equal(expected, actual);
        }
    }

    private sealed class NullObserver : IMonthObserver
    {
        public int Months;
        public void OnMonth(World world, int month, ReadOnlySpan<double> regionMetrics) => Months++;
    }
}
