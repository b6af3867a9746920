using Alliances.Experiments.Uncertainty;

namespace Alliances.Reporting.Sensitivity;

/// <summary>
/// The results folder of <c>alliances sensitivity</c> (besides the journal evaluations.bin):
/// <list type="bullet">
/// <item>sensitivity.csv — Morris: <c>method,metric,factor,mu,mu_star,sigma</c>; Sobol:
/// <c>method,metric,factor,first_order,first_low,first_high,total,total_low,total_high</c>; metrics in the order analysed,
/// factors in plan order;</item>
/// <item>samples.csv — one row per evaluation: <c>row,replication,role,&lt;factor values&gt;,&lt;every metric&gt;</c>;</item>
/// <item>factors.csv — the factors and their distributions; sensitivity.json — what was run;</item>
/// <item>sensitivity-&lt;metric&gt;.svg — bars per factor, most influential first.</item>
/// </list>
/// Every file depends only on the plan and the evaluated values: byte-identical for any thread count and resume point.
/// </summary>
public static class SensitivityFolder
{
    public const string Csv = "sensitivity.csv";
    public const string Manifest = "sensitivity.json";

    public static string ChartFile(string metric) => $"sensitivity-{FolderFiles.Safe(metric)}.svg";

    public static void Write(string dir, SensitivityResult result, string scenarioName, string scenarioFile)
    {
        var plan = result.Plan;
        var model = result.Model;
        using var files = new FolderFiles(dir);
        files.WriteFactors(plan.Factors);

        using (var csv = files.Csv(Csv))
        {
            if (plan.Method == SamplingMethod.Morris)
            {
                csv.Header("method", "metric", "factor", "mu", "mu_star", "sigma");
                foreach (var m in result.Metrics)
                    for (int i = 0; i < plan.K; i++)
                        csv.Field("morris").Field(m.Metric.Name).Field(plan.Factors[i].Name)
                           .Field(m.Morris?.Mu[i] ?? double.NaN).Field(m.Morris?.MuStar[i] ?? double.NaN).Field(m.Morris?.Sigma[i] ?? double.NaN).End();
            }
            else
            {
                csv.Header("method", "metric", "factor", "first_order", "first_low", "first_high", "total", "total_low", "total_high");
                foreach (var m in result.Metrics)
                    for (int i = 0; i < plan.K; i++)
                    {
                        var s = m.Sobol;
                        csv.Field("sobol").Field(m.Metric.Name).Field(plan.Factors[i].Name)
                           .Field(s?.FirstOrder[i] ?? double.NaN).Field(s?.FirstOrderInterval[i].Lower ?? double.NaN).Field(s?.FirstOrderInterval[i].Upper ?? double.NaN)
                           .Field(s?.TotalOrder[i] ?? double.NaN).Field(s?.TotalOrderInterval[i].Lower ?? double.NaN).Field(s?.TotalOrderInterval[i].Upper ?? double.NaN)
                           .End();
                    }
            }
        }

        using (var csv = files.Csv("samples.csv"))
        {
            csv.Header(["row", "replication", "role", .. plan.Factors.Select(f => f.Name), .. model.Metrics.Select(m => m.Name)]);
            for (int r = 0; r < plan.RowCount; r++)
            {
                csv.Field(r).Field(plan.Replication[r]).Field(plan.Roles[r]);
                foreach (double v in plan.Values[r]) csv.Field(v);
                foreach (double v in result.Table.Row(r)) csv.Field(v);
                csv.End();
            }
        }

        foreach (var m in result.Metrics)
            if (SensitivityCharts.For(result, m) is { } chart) files.Svg(ChartFile(m.Metric.Name), chart);

        files.Json(Manifest, w =>
        {
            w.WriteString("tool", "alliances");
            w.WriteString("command", "sensitivity");
            w.WriteString("method", SamplingPlan.MethodName(plan.Method));
            w.WriteStartObject("scenario");
            w.WriteString("name", scenarioName);
            w.WriteString("file", scenarioFile);
            w.WriteEndObject();
            w.WriteNumber("seed", plan.Seed);
            w.WriteString("design", result.Design);
            w.WriteNumber("samples", plan.Samples);
            if (plan.Method == SamplingMethod.Morris)
            {
                w.WriteNumber("levels", plan.Levels);
                w.WriteNumber("delta", plan.Morris!.Delta);
            }
            w.WriteNumber("evaluations", plan.RowCount);
            w.WriteString("planFingerprint", plan.Fingerprint);
            w.WriteString("codeVersion", Experiments.Comparison.CodeVersion.Version);
            bool noise = plan.Factors.Any(f => f.Kind == FactorKind.Noise);
            w.WriteBoolean("noiseFactor", noise);
            w.WriteString("noise", noise
                ? "the replication a row runs on (its region, the draws of non-factor parameters, the model streams) is the pseudo-factor "
                  + "'noise': its indices measure how much of a metric's variation is chance"
                : "each group of rows compared by the estimator (a Morris trajectory, a Saltelli base sample) runs on one replication: its "
                  + "region, non-factor parameters and model streams are drawn from (seed, group) and shared by the group");
            FolderFiles.WriteFactorArray(w, plan.Factors);
            w.WriteStartArray("metrics");
            foreach (var m in result.Metrics)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Metric.Name);
                w.WriteString("better", m.Metric.Better.ToString().ToLowerInvariant());
                var y = result.Table.Column(0, IndexOf(result, m));
                double mean = y.Average();
                FolderFiles.Number(w, "outputMean", mean);
                FolderFiles.Number(w, "outputSd", y.Length > 1 ? Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / (y.Length - 1)) : 0);
                if (m.Sobol is { } s)
                {
                    FolderFiles.Number(w, "sobolVariance", s.Variance);
                    FolderFiles.Number(w, "sumFirstOrder", s.FirstOrder.Where(double.IsFinite).Sum());
                }
                w.WriteStartArray("ranking");
                foreach (int i in m.Ranking()) w.WriteStringValue(plan.Factors[i].Name);
                w.WriteEndArray();
                if (m.Note is not null) w.WriteString("note", m.Note);
                else w.WriteNull("note");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        files.Commit();
    }

    private static int IndexOf(SensitivityResult r, MetricSensitivity m)
    {
        for (int i = 0; i < r.Model.Metrics.Count; i++)
            if (r.Model.Metrics[i].Name == m.Metric.Name) return i;
        throw new InvalidOperationException($"metric {m.Metric.Name} was not evaluated");
    }
}
