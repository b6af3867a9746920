using System.Globalization;
using Alliances.Analysis.Robustness;
using Alliances.Analysis.Statistics;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

using Cmp = Alliances.Analysis.Robustness.Comparison;

/// <summary>A requirement as given on the command line ("metric&gt;=x" or "metric&lt;=x").</summary>
public sealed record MetricRequirement(MetricDef Metric, Cmp Comparison, double Threshold)
{
    public string Text => $"{Metric.Name}{(Comparison == Cmp.AtLeast ? ">=" : "<=")}{Threshold.ToString("R", CultureInfo.InvariantCulture)}";

    public bool IsMet(double value) => Comparison == Cmp.AtLeast ? value >= Threshold : value <= Threshold;

    /// <summary>Parses "metric&gt;=x" / "metric&lt;=x" (spaces allowed); the error says what is wrong.</summary>
    public static bool TryParse(string text, out MetricRequirement requirement, out string error)
    {
        requirement = null!;
        error = "";
        string t = text.Replace(" ", "", StringComparison.Ordinal);
        int ge = t.IndexOf(">=", StringComparison.Ordinal), le = t.IndexOf("<=", StringComparison.Ordinal);
        if ((ge < 0) == (le < 0))
        {
            error = $"bad requirement '{text}': expected metric>=x or metric<=x, e.g. cohesion_index>=0.6";
            return false;
        }
        int at = ge >= 0 ? ge : le;
        string name = t[..at], value = t[(at + 2)..];
        if (!MetricCatalog.TryGet(name, out var def))
        {
            error = $"bad requirement '{text}': unknown metric '{name}'; metrics: {string.Join(", ", MetricCatalog.All.Select(m => m.Name))}";
            return false;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
        {
            error = $"bad requirement '{text}': '{value}' is not a number";
            return false;
        }
        requirement = new MetricRequirement(def, ge >= 0 ? Cmp.AtLeast : Cmp.AtMost, x);
        return true;
    }
}

/// <summary>Robustness of every design on one metric over the samples.</summary>
/// <param name="Mean">Mean of the metric per design.</param>
/// <param name="WorstDecile">Mean of each design's worst 10 % of samples.</param>
/// <param name="BestShare">Share of samples in which the design is the best (regret exactly 0; ties count for each).</param>
public sealed record RobustnessMetric(MetricDef Metric, Direction Direction, double[] Mean, RegretResult Regret, double[] WorstDecile, double[] BestShare);

/// <summary>The designs that are best by one criterion on one metric (several when tied).</summary>
public sealed record CriterionWinner(string Metric, string Criterion, IReadOnlyList<string> Designs, double Value);

public sealed class RobustnessResult
{
    internal RobustnessResult(SamplingPlan plan, EvaluationTable table, EvaluationModel model, IReadOnlyList<RobustnessMetric> metrics,
        IReadOnlyList<MetricRequirement> requirements, SatisficingResult[]? satisficing, IReadOnlyList<string> skipped)
    {
        Plan = plan;
        Table = table;
        Model = model;
        Metrics = metrics;
        Requirements = requirements;
        Satisficing = satisficing;
        Skipped = skipped;
    }

    public SamplingPlan Plan { get; }
    public EvaluationTable Table { get; }
    public EvaluationModel Model { get; }
    public IReadOnlyList<string> Designs => Model.Designs.Select(d => d.Name).ToArray();
    public IReadOnlyList<RobustnessMetric> Metrics { get; }
    public IReadOnlyList<MetricRequirement> Requirements { get; }
    /// <summary>Per design, the samples meeting every requirement (null without requirements).</summary>
    public SatisficingResult[]? Satisficing { get; }
    /// <summary>Metrics left out (no direction, or non-finite values), with the reason.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>
    /// Per metric, the winning design(s) by: best mean ("mean"), lowest mean regret ("regret_mean"), lowest 90th
    /// percentile of regret ("regret_p90"), lowest maximum regret ("regret_max", minimax regret) and best worst-decile
    /// mean ("worst_decile"); then, with requirements, the highest satisficing share ("satisficing", metric "*").
    /// </summary>
    public IReadOnlyList<CriterionWinner> Winners()
    {
        var list = new List<CriterionWinner>();
        var names = Designs;
        foreach (var m in Metrics)
        {
            bool higher = m.Direction == Direction.HigherIsBetter;
            list.Add(Pick(m.Metric.Name, "mean", m.Mean, higher));
            list.Add(Pick(m.Metric.Name, "regret_mean", m.Regret.Summary.Select(s => s.Mean).ToArray(), false));
            list.Add(Pick(m.Metric.Name, "regret_p90", m.Regret.Summary.Select(s => s.P90).ToArray(), false));
            list.Add(Pick(m.Metric.Name, "regret_max", m.Regret.Summary.Select(s => s.Max).ToArray(), false));
            list.Add(Pick(m.Metric.Name, "worst_decile", m.WorstDecile, higher));
        }
        if (Satisficing is not null)
            list.Add(Pick("*", "satisficing", Satisficing.Select(s => s.Share).ToArray(), true));
        return list;

        CriterionWinner Pick(string metric, string criterion, double[] values, bool highest)
        {
            double best = highest ? values.Max() : values.Min();
            var winners = names.Where((_, i) => values[i] == best).ToArray();
            return new CriterionWinner(metric, criterion, winners, best);
        }
    }
}

/// <summary>Regret, satisficing and worst-decile robustness of the designs over the samples of a Latin hypercube plan.</summary>
public static class RobustnessAnalysis
{
    /// <param name="metrics">Indices into <see cref="EvaluationModel.Metrics"/> of the metrics to summarise (those with
    /// no direction are skipped).</param>
    public static RobustnessResult Analyze(SamplingPlan plan, EvaluationTable table, EvaluationModel model, IReadOnlyList<int> metrics,
        IReadOnlyList<MetricRequirement> requirements)
    {
        int nd = model.Designs.Count;
        var list = new List<RobustnessMetric>();
        var skipped = new List<string>();
        foreach (int mi in metrics)
        {
            var def = model.Metrics[mi];
            if (def.Better == Better.Neither)
            {
                skipped.Add($"{def.Name}: no better direction");
                continue;
            }
            var outcomes = new double[nd][];
            for (int d = 0; d < nd; d++) outcomes[d] = table.Column(d, mi);
            if (outcomes.Any(o => o.Any(v => !double.IsFinite(v))))
            {
                skipped.Add($"{def.Name}: non-finite values");
                continue;
            }
            var direction = def.Better == Better.Higher ? Direction.HigherIsBetter : Direction.LowerIsBetter;
            var regret = Regret.Compute(outcomes, direction);
            var mean = outcomes.Select(o => o.Average()).ToArray();
            var worst = WorstDecile.Compute(outcomes, direction);
            var bestShare = regret.Values.Select(r => (double)r.Count(x => x == 0) / r.Length).ToArray();
            list.Add(new RobustnessMetric(def, direction, mean, regret, worst, bestShare));
        }

        SatisficingResult[]? sat = null;
        if (requirements.Count > 0)
        {
            var reqMetrics = requirements.Select(r => r.Metric).Distinct().ToList();
            var byMetric = reqMetrics.Select(def =>
            {
                int mi = IndexOf(model, def.Name);
                var o = new double[nd][];
                for (int d = 0; d < nd; d++) o[d] = table.Column(d, mi);
                return o;
            }).ToList();
            var reqs = requirements.Select(r => new Requirement(reqMetrics.IndexOf(r.Metric), r.Comparison, r.Threshold)).ToList();
            if (byMetric.All(o => o.All(x => x.All(double.IsFinite)))) sat = Satisficing.Evaluate(byMetric, reqs);
            else
            {
                // Non-finite values never meet a requirement.
                sat = new SatisficingResult[nd];
                for (int d = 0; d < nd; d++)
                {
                    int met = 0;
                    for (int s = 0; s < table.Rows; s++)
                        if (reqs.All(r => double.IsFinite(byMetric[r.Metric][d][s]) && r.IsMet(byMetric[r.Metric][d][s]))) met++;
                    sat[d] = new SatisficingResult(met, table.Rows);
                }
            }
        }
        return new RobustnessResult(plan, table, model, list, requirements, sat, skipped);
    }

    internal static int IndexOf(EvaluationModel model, string metric)
    {
        for (int i = 0; i < model.Metrics.Count; i++)
            if (model.Metrics[i].Name == metric) return i;
        throw new ArgumentException($"metric '{metric}' is not evaluated");
    }

    /// <summary>Quantile p of one design's metric over the samples (type 7).</summary>
    public static double Quantile(EvaluationTable table, int design, int metric, double p) => Percentile.Of(table.Column(design, metric), p);
}
