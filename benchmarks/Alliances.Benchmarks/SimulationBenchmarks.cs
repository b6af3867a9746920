using Alliances.Model;
using BenchmarkDotNet.Attributes;

namespace Alliances.Benchmarks;

/// <summary>
/// One monthly step of the standard region. A step cannot be repeated on the same state forever (the edition ends at
/// month 72), so each iteration prepares <see cref="Regions"/> fresh simulations advanced to month 12 (not measured)
/// and one invocation steps each of them through months 12..71: the figure is the mean time of one monthly step over
/// the operational phase (calls, selection, execution, the pandemic). Allocation is per step.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AgentColumnsConfig))]
public class MonthlyStepBenchmark : IAgentWorkload
{
    private const int Regions = 32;
    private const int FirstMonth = 12;
    private const int Steps = 72 - FirstMonth;
    private readonly Simulation[] _sims = new Simulation[Regions];
    private RunInputs _inputs = null!;

    [Params("balanced", "decentralized", "centralized")]
    public string Design { get; set; } = "balanced";

    public int Agents => StandardRegion.Agents(Design);
    public int MonthsPerOperation(string benchmarkMethod) => 1;

    [GlobalSetup]
    public void GlobalSetup() => _inputs = StandardRegion.Inputs();

    [IterationSetup]
    public void IterationSetup()
    {
        var levers = StandardRegion.Design(Design);
        for (int k = 0; k < Regions; k++)
        {
            // Same region, different replications: different agents' draws and event sequences.
            var sim = new Simulation(_inputs, levers, StandardRegion.Seed, k);
            for (int m = 0; m < FirstMonth; m++) sim.Step();
            _sims[k] = sim;
        }
    }

    [Benchmark(OperationsPerInvoke = Regions * Steps)]
    public int Step()
    {
        int months = 0;
        foreach (var sim in _sims)
            for (int m = 0; m < Steps; m++) { sim.Step(); months++; }
        return months;
    }
}

/// <summary>A whole 72-month run of the standard region, initialization included.</summary>
[MemoryDiagnoser]
[Config(typeof(AgentColumnsConfig))]
public class FullRunBenchmark : IAgentWorkload
{
    private RunInputs _inputs = null!;
    private Levers _levers = null!;

    [Params("balanced", "decentralized", "centralized")]
    public string Design { get; set; } = "balanced";

    public int Agents => StandardRegion.Agents(Design);
    public int MonthsPerOperation(string benchmarkMethod) => benchmarkMethod == nameof(Run) ? 72 : 0;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _inputs = StandardRegion.Inputs();
        _levers = StandardRegion.Design(Design);
    }

    [Benchmark]
    public double Run()
    {
        var sim = new Simulation(_inputs, _levers, StandardRegion.Seed, StandardRegion.Replication);
        sim.Run();
        return sim.RegionMetrics[MetricCatalog.CohesionIndex];
    }

    /// <summary>Initialization alone (world, bodies, network, schedule), to separate it from the 72 steps.</summary>
    [Benchmark]
    public int Initialize() => new Simulation(_inputs, _levers, StandardRegion.Seed, StandardRegion.Replication).World.N;
}
