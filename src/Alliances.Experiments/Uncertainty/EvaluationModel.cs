using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>
/// Evaluates one row of a sampling plan for every design: the end metrics, design-major (D × M). Pure: the result
/// depends only on (replication, factor values), never on the thread or the order of calls.
/// </summary>
public delegate double[] EvaluateRow(long replication, double[] factorValues, CancellationToken cancellation);

/// <summary>What is evaluated: named designs, and the function returning every metric of <see cref="MetricCatalog"/>
/// (in catalog order) for each design.</summary>
public sealed class EvaluationModel
{
    public EvaluationModel(IReadOnlyList<NamedDesign> designs, EvaluateRow evaluate)
    {
        if (designs.Count == 0) throw new ArgumentException("at least one design", nameof(designs));
        Designs = designs;
        Evaluate = evaluate;
    }

    public IReadOnlyList<NamedDesign> Designs { get; }
    /// <summary>The metrics returned per design: <see cref="MetricCatalog.All"/> (a metric's index is its column).</summary>
    public IReadOnlyList<MetricDef> Metrics => MetricCatalog.All;
    public EvaluateRow Evaluate { get; }

    /// <summary>
    /// The simulation model: replication r draws its inputs with <see cref="ReplicationInputs.Draw"/> (region from the
    /// Region stream, non-factor parameter distributions from the Parameters stream of (seed, r)); the factor values
    /// then replace the drawn parameters and the explored levers of their design; every design runs on the same inputs
    /// and model streams (seed, r), and returns every metric of <see cref="MetricCatalog"/> at the end of the edition.
    /// </summary>
    public static EvaluationModel Simulation(Scenario scenario, IReadOnlyList<NamedDesign> designs, IReadOnlyList<Factor> factors)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int m = MetricCatalog.Count;
        var list = designs.ToArray();
        return new EvaluationModel(list, (replication, values, ct) =>
        {
            var drawn = ReplicationInputs.Draw(scenario, replication);
            var result = new double[list.Length * m];
            for (int d = 0; d < list.Length; d++)
            {
                var (inputs, levers) = Factors.Apply(factors, values, drawn, list[d]);
                var sim = new Simulation(inputs, levers, scenario.Seed, replication);
                while (!sim.Finished)
                {
                    ct.ThrowIfCancellationRequested();
                    sim.Step();
                }
                sim.RegionMetrics.CopyTo(result.AsSpan(d * m, m));
            }
            return result;
        });
    }
}
