using Alliances.Analysis.Robustness;
using Alliances.Analysis.Statistics;
using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Uncertainty;

namespace Alliances.Reporting.Sensitivity;

/// <summary>
/// The results folder of <c>alliances robustness</c> (besides the journal evaluations.bin):
/// <list type="bullet">
/// <item>robustness.csv — per design and metric: <c>design,metric,better,mean,p10,p50,p90,worst_decile,regret_mean,
/// regret_p90,regret_max,best_share</c>;</item>
/// <item>regret.csv — tidy, per sample, design and metric: <c>sample,design,metric,value,regret</c>;</item>
/// <item>satisficing.csv — per design: <c>design,requirements,met,samples,share</c> (only with --require);</item>
/// <item>winners.csv — the most robust design(s) per metric and criterion: <c>metric,criterion,designs,value</c>;</item>
/// <item>samples.csv — <c>sample,replication_seed,design,&lt;factor values&gt;,&lt;every metric&gt;</c>, the input of
/// <c>alliances discover</c>; factors.csv; robustness.json; regret-&lt;metric&gt;.svg.</item>
/// </list>
/// </summary>
public static class RobustnessFolder
{
    public const string Csv = "robustness.csv";
    public const string Manifest = "robustness.json";

    public static string ChartFile(string metric) => $"regret-{FolderFiles.Safe(metric)}.svg";

    public static void Write(string dir, RobustnessResult result, string scenarioName, string scenarioFile)
    {
        var plan = result.Plan;
        var table = result.Table;
        var designs = result.Designs;
        using var files = new FolderFiles(dir);
        files.WriteFactors(plan.Factors);

        using (var csv = files.Csv(Csv))
        {
            csv.Header("design", "metric", "better", "mean", "p10", "p50", "p90", "worst_decile", "regret_mean", "regret_p90", "regret_max", "best_share");
            foreach (var m in result.Metrics)
                for (int d = 0; d < designs.Count; d++)
                {
                    var sorted = table.Column(d, m.Metric.Index);
                    Array.Sort(sorted);
                    var r = m.Regret.Summary[d];
                    csv.Field(designs[d]).Field(m.Metric.Name).Field(m.Direction == Direction.HigherIsBetter ? "higher" : "lower")
                       .Field(m.Mean[d]).Field(Percentile.OfSorted(sorted, 0.1)).Field(Percentile.OfSorted(sorted, 0.5)).Field(Percentile.OfSorted(sorted, 0.9))
                       .Field(m.WorstDecile[d]).Field(r.Mean).Field(r.P90).Field(r.Max).Field(m.BestShare[d]).End();
                }
        }

        using (var csv = files.Csv("regret.csv"))
        {
            csv.Header("sample", "design", "metric", "value", "regret");
            for (int s = 0; s < table.Rows; s++)
                for (int d = 0; d < designs.Count; d++)
                    foreach (var m in result.Metrics)
                        csv.Field(s).Field(designs[d]).Field(m.Metric.Name).Field(table[s, d, m.Metric.Index]).Field(m.Regret.Values[d][s]).End();
        }

        if (result.Satisficing is { } sat)
        {
            using var csv = files.Csv("satisficing.csv");
            csv.Header("design", "requirements", "met", "samples", "share");
            string reqs = string.Join(" & ", result.Requirements.Select(r => r.Text));
            for (int d = 0; d < designs.Count; d++)
                csv.Field(designs[d]).Field(reqs).Field(sat[d].Met).Field(sat[d].Samples).Field(sat[d].Share).End();
        }

        using (var csv = files.Csv("winners.csv"))
        {
            csv.Header("metric", "criterion", "designs", "value");
            foreach (var w in result.Winners()) csv.Field(w.Metric).Field(w.Criterion).Field(string.Join(";", w.Designs)).Field(w.Value).End();
        }

        using (var csv = files.Csv("samples.csv"))
        {
            csv.Header(["sample", "replication_seed", "design", .. plan.Factors.Select(f => f.Name), .. result.Model.Metrics.Select(m => m.Name)]);
            for (int s = 0; s < table.Rows; s++)
            {
                ulong seed = ReplicationInputs.ReplicationSeed(plan.Seed, plan.Replication[s]);
                var row = table.Row(s);
                int mCount = table.M;
                for (int d = 0; d < designs.Count; d++)
                {
                    csv.Field(s).Field(seed).Field(designs[d]);
                    foreach (double v in plan.Values[s]) csv.Field(v);
                    foreach (double v in row.Slice(d * mCount, mCount)) csv.Field(v);
                    csv.End();
                }
            }
        }

        foreach (var m in result.Metrics) files.Svg(ChartFile(m.Metric.Name), SensitivityCharts.Regret(result, m));

        files.Json(Manifest, w =>
        {
            w.WriteString("tool", "alliances");
            w.WriteString("command", "robustness");
            w.WriteStartObject("scenario");
            w.WriteString("name", scenarioName);
            w.WriteString("file", scenarioFile);
            w.WriteEndObject();
            w.WriteNumber("seed", plan.Seed);
            w.WriteNumber("samples", plan.RowCount);
            w.WriteString("sampling", "Latin hypercube of the uncertain parameters; sample s runs every design on replication s (common random numbers)");
            w.WriteString("planFingerprint", plan.Fingerprint);
            w.WriteString("codeVersion", Experiments.Comparison.CodeVersion.Version);
            w.WriteStartArray("designs");
            foreach (var d in designs) w.WriteStringValue(d);
            w.WriteEndArray();
            FolderFiles.WriteFactorArray(w, plan.Factors);
            w.WriteStartArray("metrics");
            foreach (var m in result.Metrics) w.WriteStringValue(m.Metric.Name);
            w.WriteEndArray();
            w.WriteStartArray("skipped");
            foreach (var s in result.Skipped) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartArray("requirements");
            foreach (var r in result.Requirements) w.WriteStringValue(r.Text);
            w.WriteEndArray();
        });
        files.Commit();
    }
}
