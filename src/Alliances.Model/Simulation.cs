using Alliances.Rng;

namespace Alliances.Model;

/// <summary>The concrete inputs of one run: a region, parameter values, shocks and the time frame.</summary>
public sealed record RunInputs(RegionSpec Region, Parameters Parameters, ShockSpec Shocks, EditionSpec Edition);

/// <summary>Receives the state after each month (and once after the last). Implementations must not keep the spans.</summary>
public interface IMonthObserver
{
    void OnMonth(World world, int month, ReadOnlySpan<double> regionMetrics);
}

/// <summary>
/// ODD "Process overview and scheduling": one monthly step runs the submodels in a fixed order. Each stochastic
/// submodel draws from its own stream keyed by (seed, replication, purpose), so a design that draws more numbers in
/// one submodel does not shift the numbers of another, and the region, agents and shocks are the same for every
/// design compared on a replication (common random numbers).
/// </summary>
public sealed class Simulation
{
    private Xoshiro256 _meetings, _mobilization, _projects, _selection, _execution, _experts, _elections, _reporting;
    private readonly MetricsCalculator _metrics;
    private readonly double[] _regionMetrics = new double[MetricCatalog.Count];

    public World World { get; }
    public ReadOnlySpan<double> RegionMetrics => _regionMetrics;

    public Simulation(RunInputs inputs, Levers levers, ulong seed, long replication)
    {
        World = Initialization.Create(inputs.Region, levers, inputs.Parameters, inputs.Shocks, inputs.Edition, seed, replication);
        _meetings = Streams.Create(seed, replication, Purpose.Meetings);
        _mobilization = Streams.Create(seed, replication, Purpose.Mobilization);
        _projects = Streams.Create(seed, replication, Purpose.Projects);
        _selection = Streams.Create(seed, replication, Purpose.Selection);
        _execution = Streams.Create(seed, replication, Purpose.Execution);
        _experts = Streams.Create(seed, replication, Purpose.Experts);
        _elections = Streams.Create(seed, replication, Purpose.Elections);
        _reporting = Streams.Create(seed, replication, Purpose.Reporting);
        _metrics = new MetricsCalculator(World);
    }

    public bool Finished => World.Month >= World.Edition.TotalMonths;

    /// <summary>One month. Order: events, money, concertation, planning, projects, selection, execution, mobilisation,
    /// experts, capacity, metrics.</summary>
    public void Step()
    {
        var w = World;
        ShockEvents.Apply(w, ref _elections);
        Funding.Disburse(w);
        Concertation.Meet(w, ref _meetings);
        Planning.Plan(w);
        ProjectGeneration.Generate(w, ref _projects);
        Selection.Decide(w, ref _selection, ref _reporting);
        ProjectExecution.Advance(w, ref _execution);
        Mobilization.Update(w, ref _mobilization);
        ExpertParticipation.Update(w, ref _experts);
        CapacityLearning.Update(w);
        _metrics.Region(w, _regionMetrics);
        w.Month++;
    }

    /// <summary>Runs to the end of the horizon; the observer sees every month.</summary>
    public void Run(IMonthObserver? observer = null)
    {
        while (!Finished)
        {
            int month = World.Month;
            Step();
            observer?.OnMonth(World, month, _regionMetrics);
        }
    }

    /// <summary>Convenience: runs a whole edition and returns the end metrics (a fresh array).</summary>
    public static double[] RunToEnd(RunInputs inputs, Levers levers, ulong seed, long replication, IMonthObserver? observer = null)
    {
        var sim = new Simulation(inputs, levers, seed, replication);
        sim.Run(observer);
        return sim.RegionMetrics.ToArray();
    }
}
