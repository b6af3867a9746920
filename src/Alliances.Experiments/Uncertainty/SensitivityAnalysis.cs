using Alliances.Analysis.Sensitivity;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>Sensitivity measures of one metric. Exactly one of <see cref="Morris"/> and <see cref="Sobol"/> is set unless
/// the metric could not be analysed (see <see cref="Note"/>).</summary>
public sealed record MetricSensitivity(MetricDef Metric, MorrisResult? Morris, SobolResult? Sobol, string? Note)
{
    /// <summary>Factor indices ordered by importance: μ* (Morris) or total index (Sobol), descending; ties by factor order.</summary>
    public int[] Ranking()
    {
        double[]? key = Morris?.MuStar ?? Sobol?.TotalOrder;
        if (key is null) return [];
        return Enumerable.Range(0, key.Length)
            .OrderByDescending(i => double.IsFinite(key[i]) ? key[i] : double.NegativeInfinity).ThenBy(i => i).ToArray();
    }
}

/// <summary>The outcome of a sensitivity analysis: the plan, the evaluated outputs and the measures per metric.</summary>
public sealed class SensitivityResult
{
    public SensitivityResult(SamplingPlan plan, EvaluationTable table, EvaluationModel model, IReadOnlyList<MetricSensitivity> metrics)
    {
        Plan = plan;
        Table = table;
        Model = model;
        Metrics = metrics;
    }

    public SamplingPlan Plan { get; }
    public EvaluationTable Table { get; }
    public EvaluationModel Model { get; }
    public string Design => Model.Designs[0].Name;
    public IReadOnlyList<MetricSensitivity> Metrics { get; }
}

/// <summary>Morris and Sobol measures from an evaluated plan (design 0 of the table).</summary>
public static class SensitivityAnalysis
{
    /// <param name="metrics">Indices into <see cref="EvaluationModel.Metrics"/> of the metrics to analyse.</param>
    /// <param name="bootstrap">Bootstrap resamples of the Sobol intervals.</param>
    public static SensitivityResult Analyze(SamplingPlan plan, EvaluationTable table, EvaluationModel model, IReadOnlyList<int> metrics,
        int bootstrap = 1000, double confidence = 0.95)
    {
        var list = new List<MetricSensitivity>();
        foreach (int mi in metrics)
        {
            var def = model.Metrics[mi];
            var y = table.Column(0, mi);
            if (y.Any(v => !double.IsFinite(v)))
            {
                list.Add(new MetricSensitivity(def, null, null, "non-finite outputs; not analysed"));
                continue;
            }
            switch (plan.Method)
            {
                case SamplingMethod.Morris:
                    list.Add(new MetricSensitivity(def, ElementaryEffects.Analyze(plan.Morris!, y), null, null));
                    break;
                case SamplingMethod.Sobol:
                {
                    // Centring does not change the indices' expectations (E f(AB_i) = E f(A)) but removes the mean² term from the
                    // variance of the Saltelli first-order estimator, which dominates for metrics far from 0.
                    double mean = y.Average();
                    for (int i = 0; i < y.Length; i++) y[i] -= mean;
                    var r = SobolIndices.Estimate(plan.Saltelli!, y, new SobolOptions
                    {
                        BootstrapResamples = bootstrap,
                        ConfidenceLevel = confidence,
                        Seed = plan.Seed,
                        Entity = def.Index,
                    });
                    list.Add(new MetricSensitivity(def, null, r, r.Variance > 0 ? null : "constant output; indices undefined"));
                    break;
                }
                default:
                    throw new ArgumentException("a Latin hypercube plan has no sensitivity estimator");
            }
        }
        return new SensitivityResult(plan, table, model, list);
    }
}
