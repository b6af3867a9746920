using Alliances.Rng;

namespace Alliances.Model.Tests;

/// <summary>Every metric stays finite and within its declared [Min, Max] every month, whatever the design and region size.</summary>
public class MetricBoundsTests
{
    [Fact]
    public void Catalog_IsWellFormed()
    {
        var names = new HashSet<string>();
        for (int i = 0; i < MetricCatalog.Count; i++)
        {
            var m = MetricCatalog.All[i];
            Assert.Equal(i, m.Index);
            Assert.True(names.Add(m.Name), $"duplicate metric {m.Name}");
            Assert.Matches("^[a-z][a-z0-9_]*$", m.Name);
            Assert.True(m.Min < m.Max, m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Fr) || string.IsNullOrWhiteSpace(m.En), m.Name);
            Assert.True(MetricCatalog.TryGet(m.Name, out var found) && ReferenceEquals(found, m));
        }
        Assert.False(MetricCatalog.TryGet("no_such_metric", out _));
    }

    public static TheoryData<string, int> PresetsByTerritories()
    {
        var data = new TheoryData<string, int>();
        foreach (var preset in Designs.Presets.Keys)
            foreach (int t in new[] { 3, 10, 20 })
                data.Add(preset, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(PresetsByTerritories))]
    public void Presets_WithinDeclaredRanges_EveryMonth(string preset, int territories)
    {
        long r = 0;
        foreach (var (name, shocks, edition) in TestSupport.ShockVariants())
            CheckRun(Designs.Presets[preset], shocks, edition, seed: 53, r++, territories, name);
    }

    [Fact]
    public void RandomLevers_WithinDeclaredRanges_EveryMonth()
    {
        var rng = Streams.Create(TestSupport.Seed, 1, Purpose.Sampling);
        var variants = TestSupport.ShockVariants().ToArray();
        int[] territories = [3, 10, 20];
        for (int k = 0; k < 36; k++)
        {
            var levers = TestSupport.RandomLevers(ref rng);
            var (name, shocks, edition) = variants[k % variants.Length];
            CheckRun(levers, shocks, edition, seed: 59, k, territories[k % territories.Length], name);
        }
    }

    [Fact]
    public void ExtremeParameters_WithinDeclaredRanges()
    {
        // Every parameter at its low end, then at its high end (integers rounded as scenario files would).
        foreach (bool high in new[] { false, true })
        {
            var parameters = new Parameters();
            foreach (var def in P.All) parameters[def] = def.IsInteger ? Math.Round(high ? def.High : def.Low) : high ? def.High : def.Low;
            foreach (var preset in Designs.Presets.Values)
            {
                var inputs = new RunInputs(TestSupport.Region(61, high ? 1 : 0), parameters, new ShockSpec { FundingGap = true, BridgingShare = 0.5 }, new EditionSpec());
                CheckRun(inputs, preset, 61, high ? 1 : 0, high ? "all-high" : "all-low");
            }
        }
    }

    [Fact]
    public void ParameterRegistry_DefaultsWithinRanges()
    {
        var names = new HashSet<string>();
        for (int i = 0; i < P.All.Count; i++)
        {
            var d = P.All[i];
            Assert.Equal(i, d.Index);
            Assert.True(names.Add(d.Name));
            Assert.InRange(d.Default, d.Low, d.High);
            if (d.Tag == Evidence.U) Assert.True(d.Low <= 0 && d.High >= 0, $"[U] parameter {d.Name} must include zero");
        }
    }

    private static void CheckRun(Levers levers, ShockSpec shocks, EditionSpec edition, ulong seed, long replication, int territories, string variant)
        => CheckRun(TestSupport.Inputs(seed, replication, shocks, edition, territories: territories), levers, seed, replication, variant);

    private static void CheckRun(RunInputs inputs, Levers levers, ulong seed, long replication, string variant)
    {
        var sim = new Simulation(inputs, levers, seed, replication);
        Span<double> tm = stackalloc double[MetricCatalog.Territory.Count];
        while (!sim.Finished)
        {
            int month = sim.World.Month;
            sim.Step();
            var m = sim.RegionMetrics;
            for (int i = 0; i < m.Length; i++)
            {
                var def = MetricCatalog.All[i];
                double v = m[i];
                if (!double.IsFinite(v) || v < def.Min || v > def.Max)
                    Assert.Fail($"{def.Name} = {v} outside [{def.Min}, {def.Max}] at month {month} " +
                                $"(variant {variant}, replication {replication}, T={inputs.Region.Territories.Count}, levers {levers})");
            }
            for (int t = 0; t < sim.World.T; t++)
            {
                MetricsCalculator.Territory(sim.World, t, tm);
                foreach (double v in tm)
                    if (!double.IsFinite(v) || v < 0) Assert.Fail($"territory metric {v} at month {month}, T{t} (variant {variant})");
                Assert.InRange(tm[MetricCatalog.Territory.Progress], 0.0, 1.0);
                Assert.InRange(tm[MetricCatalog.Territory.Capacity], 0.0, 1.0);
                Assert.InRange(tm[MetricCatalog.Territory.Engagement], 0.0, 1.0);
            }
        }
    }
}
