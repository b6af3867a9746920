namespace Alliances.Model.Tests;

/// <summary>Reproducibility: a run is a pure function of (inputs, levers, seed, replication).</summary>
public class DeterminismTests
{
    private static (double[] End, double[] Series) Run(Levers levers, ulong seed, long replication, ShockSpec? shocks = null)
    {
        var recorder = new SeriesRecorder();
        var end = Simulation.RunToEnd(TestSupport.Inputs(seed, replication, shocks), levers, seed, replication, recorder);
        return (end, recorder.Values.ToArray());
    }

    public static TheoryData<string> Presets() => new(Designs.Presets.Keys);

    [Theory]
    [MemberData(nameof(Presets))]
    public void SameSeed_IdenticalEndMetricsAndMonthlySeries(string preset)
    {
        var levers = Designs.Presets[preset];
        var shocks = new ShockSpec { FundingGap = true, BridgingShare = 0.5 };
        var a = Run(levers, 77, 5, shocks);
        var b = Run(levers, 77, 5, shocks);
        Assert.Equal(MetricCatalog.Count, a.End.Length);
        Assert.Equal(72 * MetricCatalog.Count, a.Series.Length);
        Assert.Equal(a.End, b.End);       // exact equality of every double
        Assert.Equal(a.Series, b.Series);
        // The end metrics are the last month's region metrics.
        Assert.Equal(a.Series.AsSpan(71 * MetricCatalog.Count).ToArray(), a.End);
    }

    [Fact]
    public void SameSeed_IdenticalWhenRunConcurrently()
    {
        // Runs share no mutable state: eight copies of one run in parallel all equal the sequential run.
        var levers = Designs.Balanced;
        var reference = Run(levers, 3, 1).Series;
        var results = new double[8][];
        Parallel.For(0, results.Length, k => results[k] = Run(levers, 3, 1).Series);
        foreach (var r in results) Assert.Equal(reference, r);
    }

    [Fact]
    public void StepByStep_EqualsRun()
    {
        var inputs = TestSupport.Inputs(9, 2);
        var sim = new Simulation(inputs, Designs.Decentralized, 9, 2);
        int months = 0;
        while (!sim.Finished) { sim.Step(); months++; }
        Assert.Equal(72, months);
        Assert.Equal(Simulation.RunToEnd(TestSupport.Inputs(9, 2), Designs.Decentralized, 9, 2), sim.RegionMetrics.ToArray());
    }

    [Fact]
    public void DifferentSeedsOrReplications_Differ()
    {
        var levers = Designs.Balanced;
        var baseRun = Run(levers, 1, 0);
        var otherSeed = Run(levers, 2, 0);
        var otherReplication = Run(levers, 1, 1);
        Assert.NotEqual(baseRun.End, otherSeed.End);
        Assert.NotEqual(baseRun.Series, otherSeed.Series);
        Assert.NotEqual(baseRun.End, otherReplication.End);

        // Same region but another seed for the agents and processes still changes the run.
        var region = TestSupport.Region(1, 0);
        var inputs = new RunInputs(region, new Parameters(), new ShockSpec(), new EditionSpec());
        Assert.NotEqual(Simulation.RunToEnd(inputs, levers, 1, 0), Simulation.RunToEnd(inputs, levers, 2, 0));
    }

    [Fact]
    public void DesignsOnOneReplication_ShareRegionNeedsAndAgents()
    {
        // Common random numbers: the design only decides who sits where, not who the people are.
        var inputs = TestSupport.Inputs(4, 8);
        var worlds = Designs.Presets.Values.Select(l => new Simulation(inputs, l, 4, 8).World).ToArray();
        foreach (var w in worlds.Skip(1))
        {
            Assert.Equal(worlds[0].N, w.N);
            Assert.Equal(worlds[0].Need0, w.Need0);
            Assert.Equal(worlds[0].Baseline, w.Baseline);
            Assert.Equal(worlds[0].Capacity, w.Capacity);
            Assert.Equal(worlds[0].Priority, w.Priority);
            Assert.Equal(worlds[0].Readiness, w.Readiness);
            Assert.Equal(worlds[0].Kind, w.Kind);
        }
    }

    [Fact]
    public void RegionGenerator_IsDeterministic_AndHonoursTerritoryBounds()
    {
        Assert.Equal(TestSupport.Region(5, 3), TestSupport.Region(5, 3), RegionComparer.Instance);
        Assert.NotEqual(TestSupport.Region(5, 3), TestSupport.Region(5, 4), RegionComparer.Instance);
        Assert.Equal(3, TestSupport.Region(5, 3, 3).Territories.Count);
        Assert.Equal(20, TestSupport.Region(5, 3, 20).Territories.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => TestSupport.Region(5, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestSupport.Region(5, 3, 21));
    }

    private sealed class RegionComparer : IEqualityComparer<RegionSpec>
    {
        public static readonly RegionComparer Instance = new();

        public bool Equals(RegionSpec? x, RegionSpec? y)
            => x is not null && y is not null
               && (x.Name, x.PriorRegionalConcertation, x.LeaderContinuity, x.ElectedPartnerRelations, x.PartnerDensity, x.LpesExperience, x.Envelope)
                  == (y.Name, y.PriorRegionalConcertation, y.LeaderContinuity, y.ElectedPartnerRelations, y.PartnerDensity, y.LpesExperience, y.Envelope)
               && x.Territories.SequenceEqual(y.Territories);

        public int GetHashCode(RegionSpec obj) => obj.Territories.Count;
    }
}
