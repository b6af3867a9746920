using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Alliances.Benchmarks;

/// <summary>
/// A comparison of the three preset designs over 1000 replications on every core: (a) through the experiments layer's
/// in-memory runner (<see cref="ComparisonRunner.RunInMemory(Scenario, IReadOnlyList{NamedDesign}?, int?, int?, CancellationToken)"/>:
/// input draws per replication, ordered aggregation, monthly series and territory quantile sketches), and (b) the bare
/// simulations with <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> (one worker per core) over
/// replications × designs, end metrics only.
/// The difference is the cost of the experiments layer. Each operation takes seconds: a few iterations suffice.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CompareBenchmark
{
    [Params(1000)]
    public int Replications { get; set; }

    private Scenario _scenario = null!;
    private readonly string[] _designs = ["centralized", "decentralized", "balanced"];

    [GlobalSetup]
    public void GlobalSetup() => _scenario = new Scenario { Seed = StandardRegion.Seed, Replications = Replications };

    [Benchmark(Baseline = true)]
    public double ParallelForSimulations()
    {
        int designs = _designs.Length;
        var cohesion = new double[Replications * designs];
        // One worker per core, like the comparison runner: without a cap the thread pool injects extra threads for
        // these long items, which only adds contention and keeps more worlds alive across collections.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, Replications * designs, options, i =>
        {
            int r = i / designs, d = i % designs;
            var inputs = StandardRegion.Inputs(r);
            var sim = new Simulation(inputs, Designs.Presets[_designs[d]], StandardRegion.Seed, r);
            sim.Run();
            cohesion[i] = sim.RegionMetrics[MetricCatalog.CohesionIndex];
        });
        return cohesion.Average();
    }

    [Benchmark]
    public long ComparisonRunnerInMemory()
    {
        var results = ComparisonRunner.RunInMemory(_scenario, replications: Replications, threads: Environment.ProcessorCount);
        return results.Replications;
    }
}
