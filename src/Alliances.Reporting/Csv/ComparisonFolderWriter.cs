using Alliances.Experiments.Comparison;

namespace Alliances.Reporting.Csv;

/// <summary>
/// Writes the final files of a results folder from one or more journals (a run's own, or the shards' in shard order):
/// the journals are replayed record by record into runs.csv and a <see cref="ComparisonAggregator"/>, so memory does not
/// grow with R and the files depend only on the sequence of records (not on threads, shards or resumes).
/// Each file is written to a temporary name and renamed into place; manifest.json is renamed last.
/// </summary>
public static class ComparisonFolderWriter
{
    public static ComparisonResults Write(string dir, IReadOnlyList<string> journals, ComparisonManifest manifest)
    {
        ArgumentOutOfRangeException.ThrowIfZero(journals.Count);
        Directory.CreateDirectory(dir);
        var pending = new List<(string Temp, string Final)>();
        string Temp(string name)
        {
            string final = Path.Combine(dir, name);
            string tmp = Path.Combine(dir, "." + name + ".tmp");
            pending.Add((tmp, final));
            return tmp;
        }

        try
        {
            ComparisonAggregator? aggregator = null;
            using (var runs = new CsvText(Temp(ComparisonFiles.Runs)))
            {
                foreach (var path in journals)
                {
                    using var reader = JournalReader.Open(path);
                    var layout = reader.Layout;
                    if (aggregator is null)
                    {
                        aggregator = new ComparisonAggregator(layout);
                        runs.Header(["design", "replication", "replication_seed", .. layout.Metrics.Select(m => m.Name)]);
                    }
                    while (reader.ReadNext() is { } r)
                    {
                        aggregator.Add(r);
                        for (int d = 0; d < layout.D; d++)
                        {
                            runs.Field(layout.Designs[d]).Field(r.Replication).Field(r.ReplicationSeed);
                            foreach (double v in r.EndOf(d, layout.M)) runs.Field(v);
                            runs.End();
                        }
                    }
                    if (reader.RecordCount != reader.Header.Count)
                        throw new InvalidDataException($"{path} holds {reader.RecordCount} of {reader.Header.Count} replications");
                }
            }
            var results = new ComparisonResults(aggregator!);
            WriteTables(results, Temp);
            using (var fs = new FileStream(Temp(ComparisonFiles.Manifest), FileMode.Create, FileAccess.Write, FileShare.None))
                manifest.Write(fs, results.Layout.Metrics);
            foreach (var (tmp, final) in pending) File.Move(tmp, final, overwrite: true);
            pending.Clear();
            return results;
        }
        finally
        {
            foreach (var (tmp, _) in pending)
            {
                try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static void WriteTables(ComparisonResults results, Func<string, string> temp)
    {
        using (var csv = new CsvText(temp(ComparisonFiles.Summary)))
        {
            csv.Header("design", "metric", "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95");
            foreach (var r in results.Summary)
            {
                csv.Field(r.Design).Field(r.Metric.Name).Field(r.N).Field(r.Mean).Field(r.Sd).Field(r.Ci95Low).Field(r.Ci95High)
                   .Field(r.P05).Field(r.P50).Field(r.P95).End();
            }
        }
        using (var csv = new CsvText(temp(ComparisonFiles.Paired)))
        {
            csv.Header("design_a", "design_b", "metric", "mean_diff", "ci95_low", "ci95_high", "prob_a_better");
            foreach (var r in results.Paired)
                csv.Field(r.DesignA).Field(r.DesignB).Field(r.Metric.Name).Field(r.MeanDiff).Field(r.Ci95Low).Field(r.Ci95High).Field(r.ProbABetter).End();
        }
        using (var csv = new CsvText(temp(ComparisonFiles.Ranks)))
        {
            csv.Header("design", "metric", "rank", "share");
            foreach (var r in results.Ranks) csv.Field(r.Design).Field(r.Metric.Name).Field(r.Rank).Field(r.Share).End();
        }
        using (var csv = new CsvText(temp(ComparisonFiles.Timeseries)))
        {
            csv.Header("design", "month", "metric", "p05", "p25", "p50", "p75", "p95");
            foreach (var r in results.Series())
                csv.Field(r.Design).Field(r.Month).Field(r.Metric).Field(r.P05).Field(r.P25).Field(r.P50).Field(r.P75).Field(r.P95).End();
        }
        using (var csv = new CsvText(temp(ComparisonFiles.Territories)))
        {
            csv.Header("design", "territory", "month", "metric", "p05", "p50", "p95");
            foreach (var r in results.Territories())
                csv.Field(r.Design).Field(r.Territory).Field(r.Month).Field(r.Metric).Field(r.P05).Field(r.P50).Field(r.P95).End();
        }
    }
}
