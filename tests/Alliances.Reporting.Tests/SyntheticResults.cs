using System.Globalization;
using System.Text;
using Alliances.Model;

namespace Alliances.Reporting.Tests;

/// <summary>Deterministic pseudo-random numbers for test inputs (LCG + Box–Muller), independent of System.Random.</summary>
internal sealed class TestRng(ulong seed)
{
    private ulong _state = seed * 6364136223846793005UL + 1442695040888963407UL;

    public double Uniform()
    {
        _state = _state * 6364136223846793005UL + 1442695040888963407UL;
        return ((_state >> 11) + 0.5) / (1UL << 53);
    }

    public double Normal(double mean = 0, double sd = 1)
    {
        double u1 = Uniform(), u2 = Uniform();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>
/// Writes a small results folder of `alliances compare` per docs/CONTRACTS.md: a few designs, replications, months
/// and territories, generated deterministically. Values are plausible (balanced beats decentralized on equity, ...).
/// </summary>
internal static class SyntheticResults
{
    public static readonly string[] Designs = ["centralized", "decentralized", "balanced"];
    public static readonly string[] Territories = ["Haute-Côte-Nord", "Manicouagan", "Sept-Rivières", "Minganie", "Caniapiscau", "Golfe-du-Saint-Laurent"];
    public const int Replications = 16;
    public const int Months = 24;
    public const ulong Seed = 20180401;
    public const string Hash = "sha256:3f7a9c0e5b1d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468";
    public const string GitCommit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string R(double v) => v.ToString("R", Inv);

    /// <summary>Design effect on a metric (in units of its range): balanced better on equity, centralized on alignment.</summary>
    private static double Effect(string design, MetricDef m)
    {
        double sign = m.Better == Better.Lower ? -1 : 1;
        double e = design switch
        {
            "balanced" => 0.10,
            "centralized" => m.Name is "priority_alignment" or "regional_priority_coverage" or "cohesion_index" ? 0.12 : -0.04,
            _ => -0.06,
        };
        if (m.Name is "experts_retention" or "experts_voice" or "expert_participation")
        {
            e = design == "balanced" ? 0.2 : -0.2;
        }

        return sign * e;
    }

    private static double Base(MetricDef m) => m.Name switch
    {
        "effectiveness" => 12,
        "projects_funded" => 60,
        "projects_per_territory" => 9,
        "regional_projects" => 6,
        "expert_exits" => 5,
        "capacity_gap" => 0.15,
        "territorial_gini" => 0.22,
        _ => m.Min + 0.5 * (m.Max - m.Min),
    };

    private static double Scale(MetricDef m) => m.Name switch
    {
        "effectiveness" => 8,
        "projects_funded" => 40,
        "projects_per_territory" => 6,
        "regional_projects" => 4,
        "expert_exits" => 4,
        _ => Math.Min(1, m.Max - m.Min),
    };

    /// <summary>Creates the folder (and returns it). <paramref name="omit"/> lists files not to write.</summary>
    public static string Create(string dir, params string[] omit)
    {
        Directory.CreateDirectory(dir);
        var rng = new TestRng(42);
        var metrics = MetricCatalog.All;

        // values[design][rep][metric]; a shared per-replication "region" draw (common random numbers).
        var values = Designs.ToDictionary(d => d, _ => new double[Replications][]);
        for (int r = 0; r < Replications; r++)
        {
            var region = metrics.Select(_ => rng.Normal()).ToArray();
            foreach (string d in Designs)
            {
                var row = new double[metrics.Count];
                for (int k = 0; k < metrics.Count; k++)
                {
                    var m = metrics[k];
                    double v = Base(m) + Scale(m) * (Effect(d, m) + 0.06 * region[k] + 0.03 * rng.Normal());
                    if (m.Name == "experts_retention" && d == "decentralized")
                    {
                        v = 0; // no seats: retention is 0 in every replication (ties with nothing)
                    }

                    row[k] = Math.Clamp(v, m.Min, m.Max);
                }

                values[d][r] = row;
            }
        }

        void Write(string name, StringBuilder sb)
        {
            if (!omit.Contains(name))
            {
                File.WriteAllText(Path.Combine(dir, name), sb.ToString(), new UTF8Encoding(false));
            }
        }

        // runs.csv: ordered by replication then design.
        var runs = new StringBuilder("design,replication,replication_seed," + string.Join(",", metrics.Select(m => m.Name)) + "\n");
        for (int r = 0; r < Replications; r++)
        {
            foreach (string d in Designs)
            {
                runs.Append(d).Append(',').Append(r.ToString(Inv)).Append(',').Append((Seed + (ulong)r * 7919UL).ToString(Inv));
                foreach (double v in values[d][r])
                {
                    runs.Append(',').Append(R(v));
                }

                runs.Append('\n');
            }
        }

        Write("runs.csv", runs);

        // summary.csv
        var summary = new StringBuilder("design,metric,n,mean,sd,ci95_low,ci95_high,p05,p50,p95\n");
        foreach (string d in Designs)
        {
            for (int k = 0; k < metrics.Count; k++)
            {
                var xs = values[d].Select(row => row[k]).ToArray();
                var (mean, sd, lo, hi) = Stats(xs);
                var sorted = xs.Order().ToArray();
                summary.Append($"{d},{metrics[k].Name},{Replications.ToString(Inv)},{R(mean)},{R(sd)},{R(lo)},{R(hi)},{R(Q(sorted, 0.05))},{R(Q(sorted, 0.5))},{R(Q(sorted, 0.95))}\n");
            }
        }

        Write("summary.csv", summary);

        // paired.csv: a before b in design order.
        var paired = new StringBuilder("design_a,design_b,metric,mean_diff,ci95_low,ci95_high,prob_a_better\n");
        for (int a = 0; a < Designs.Length; a++)
        {
            for (int b = a + 1; b < Designs.Length; b++)
            {
                for (int k = 0; k < metrics.Count; k++)
                {
                    var m = metrics[k];
                    var diffs = Enumerable.Range(0, Replications).Select(r => values[Designs[a]][r][k] - values[Designs[b]][r][k]).ToArray();
                    var (mean, _, lo, hi) = Stats(diffs);
                    double better = diffs.Count(x => m.Better == Better.Lower ? x < 0 : x > 0) / (double)Replications;
                    paired.Append($"{Designs[a]},{Designs[b]},{m.Name},{R(mean)},{R(lo)},{R(hi)},{R(better)}\n");
                }
            }
        }

        Write("paired.csv", paired);

        // ranks.csv
        var ranks = new StringBuilder("design,metric,rank,share\n");
        for (int k = 0; k < metrics.Count; k++)
        {
            var m = metrics[k];
            var counts = Designs.ToDictionary(d => d, _ => new int[Designs.Length]);
            for (int r = 0; r < Replications; r++)
            {
                var order = Designs.OrderBy(d => m.Better == Better.Lower ? values[d][r][k] : -values[d][r][k]).ToList();
                for (int i = 0; i < order.Count; i++)
                {
                    counts[order[i]][i]++;
                }
            }

            foreach (string d in Designs)
            {
                for (int i = 0; i < Designs.Length; i++)
                {
                    ranks.Append($"{d},{m.Name},{(i + 1).ToString(Inv)},{R(counts[d][i] / (double)Replications)}\n");
                }
            }
        }

        Write("ranks.csv", ranks);

        // timeseries.csv: every region metric, monthly quantiles of a saturating curve.
        var ts = new StringBuilder("design,month,metric,p05,p25,p50,p75,p95\n");
        foreach (string d in Designs)
        {
            for (int month = 1; month <= Months; month++)
            {
                foreach (var m in metrics)
                {
                    double end = Base(m) + Scale(m) * Effect(d, m);
                    double start = Base(m) - 0.15 * Scale(m);
                    double p50 = start + (end - start) * (1 - Math.Exp(-month / 8.0));
                    double w = Scale(m) * (0.03 + 0.002 * month);
                    double[] q = [p50 - 2.2 * w, p50 - w, p50, p50 + w, p50 + 2.2 * w];
                    ts.Append($"{d},{month.ToString(Inv)},{m.Name}");
                    foreach (double v in q)
                    {
                        ts.Append(',').Append(R(Math.Clamp(v, m.Min, m.Max)));
                    }

                    ts.Append('\n');
                }
            }
        }

        Write("timeseries.csv", ts);

        // territories.csv: territory metrics by month.
        var terr = new StringBuilder("design,territory,month,metric,p05,p50,p95\n");
        foreach (string d in Designs)
        {
            for (int i = 0; i < Territories.Length; i++)
            {
                double capacity = 0.3 + 0.1 * i;
                for (int month = 1; month <= Months; month++)
                {
                    double gain = d == "balanced" ? 0.9 : d == "centralized" ? 0.7 : 0.5 + 0.08 * i;
                    double progress = Math.Clamp(gain * capacity * (1 - Math.Exp(-month / 10.0)), 0, 1);
                    foreach (string metric in MetricCatalog.Territory.Names)
                    {
                        double v = metric == "progress" ? progress : metric == "capacity" ? capacity : 0.5;
                        terr.Append($"{d},{Territories[i]},{month.ToString(Inv)},{metric},{R(v * 0.8)},{R(v)},{R(Math.Min(1, v * 1.2))}\n");
                    }
                }
            }
        }

        Write("territories.csv", terr);

        if (!omit.Contains("manifest.json"))
        {
            File.WriteAllText(Path.Combine(dir, "manifest.json"), Manifest(), new UTF8Encoding(false));
        }

        return dir;
    }

    private static string Manifest()
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"tool\": \"alliances\",\n  \"command\": \"compare\",\n");
        sb.Append($"  \"scenario\": {{\"name\": \"cote-nord-test\", \"file\": \"scenarios/cote-nord.json\", \"hash\": \"{Hash}\"}},\n");
        sb.Append($"  \"seed\": {Seed.ToString(Inv)},\n  \"replications\": {Replications.ToString(Inv)},\n  \"designs\": [\n");
        var presets = new[] { Model.Designs.Centralized, Model.Designs.Decentralized, Model.Designs.Balanced };
        for (int i = 0; i < Designs.Length; i++)
        {
            sb.Append($"    {{\"name\": \"{Designs[i]}\", \"levers\": {{");
            var props = typeof(Levers).GetProperties().Where(p => p.CanWrite).ToList();
            sb.Append(string.Join(", ", props.Select(p =>
            {
                object v = p.GetValue(presets[i])!;
                string json = v switch
                {
                    bool b => b ? "true" : "false",
                    int n => n.ToString(Inv),
                    double x => x.ToString("R", Inv),
                    _ => $"\"{v}\"",
                };
                return $"\"{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}\": {json}";
            })));
            sb.Append(i < Designs.Length - 1 ? "}},\n" : "}}\n");
        }

        sb.Append("  ],\n  \"threads\": 4,\n  \"shards\": 1,\n  \"codeVersion\": \"0.1.0+test\",\n");
        sb.Append($"  \"gitCommit\": \"{GitCommit}\",\n  \"createdUtc\": \"2025-01-15T10:20:30.000Z\",\n");
        sb.Append("  \"durationSeconds\": 12.5,\n  \"replicationsPerSecond\": 3.84,\n  \"metrics\": [\n");
        var ms = MetricCatalog.All;
        for (int i = 0; i < ms.Count; i++)
        {
            var m = ms[i];
            sb.Append($"    {{\"name\": \"{m.Name}\", \"better\": \"{m.Better.ToString().ToLowerInvariant()}\", \"min\": {m.Min.ToString("R", Inv)}, \"max\": {m.Max.ToString("R", Inv)}, ");
            sb.Append($"\"fr\": {System.Text.Json.JsonSerializer.Serialize(m.Fr)}, \"en\": {System.Text.Json.JsonSerializer.Serialize(m.En)}}}");
            sb.Append(i < ms.Count - 1 ? ",\n" : "\n");
        }

        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    private static (double Mean, double Sd, double Lo, double Hi) Stats(double[] xs)
    {
        double mean = xs.Average();
        double sd = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        double half = 2.131 * sd / Math.Sqrt(xs.Length); // t(0.975, 15)
        return (mean, sd, mean - half, mean + half);
    }

    private static double Q(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
