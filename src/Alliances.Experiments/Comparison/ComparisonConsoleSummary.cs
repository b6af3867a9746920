using System.Globalization;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// The console ending of <c>compare</c>: a table of core-metric means with 95 % CIs (metrics × designs) and plain
/// verdict lines for cohesion_index, equity_index and any core metric where a pair is clearly separated (the paired
/// 95 % CI excludes 0 and one design is better in at least 90 % of paired replications; the most separated
/// <see cref="MaxExtraVerdicts"/> are printed). Invariant culture.
/// </summary>
public static class ComparisonConsoleSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const double ClearShare = 0.9;
    public const int MaxExtraVerdicts = 6;

    public static void Write(ComparisonResults results, TextWriter w)
    {
        var l = results.Layout;
        var core = l.Metrics.Where(m => m.Core).ToArray();
        int nameWidth = Math.Max(6, core.Max(m => m.Name.Length)) + 2;
        var cells = core.Select(m => l.Designs.Select(d =>
        {
            var s = results.SummaryOf(d, m.Name);
            return $"{Num(s.Mean, false)} [{Num(s.Ci95Low, false)}, {Num(s.Ci95High, false)}]";
        }).ToArray()).ToArray();
        var widths = l.Designs.Select((d, j) => Math.Max(d.Length, cells.Length > 0 ? cells.Max(c => c[j].Length) : 0) + 2).ToArray();

        w.WriteLine(string.Create(Inv, $"Means and 95% CIs over {results.Replications} replications:"));
        w.WriteLine(("metric".PadRight(nameWidth) + string.Concat(l.Designs.Select((d, j) => d.PadRight(widths[j])))).TrimEnd());
        for (int i = 0; i < core.Length; i++)
            w.WriteLine((core[i].Name.PadRight(nameWidth) + string.Concat(cells[i].Select((c, j) => c.PadRight(widths[j])))).TrimEnd());
        if (l.D < 2 || results.Replications < 1) return;

        w.WriteLine();
        foreach (var line in Verdicts(results)) w.WriteLine(line);
    }

    /// <summary>Verdict lines: every pair on cohesion_index and equity_index, then clearly separated pairs on other core metrics.</summary>
    public static IReadOnlyList<string> Verdicts(ComparisonResults results)
    {
        var lines = new List<string>();
        string[] headline = ["cohesion_index", "equity_index"];
        foreach (var name in headline)
            foreach (var p in results.Paired.Where(p => p.Metric.Name == name))
                lines.Add(Verdict(p));
        var separated = results.Paired
            .Where(p => !headline.Contains(p.Metric.Name) && p.Metric.Core && p.Metric.Better != Better.Neither
                        && (p.Ci95Low > 0 || p.Ci95High < 0) && (p.ProbABetter >= ClearShare || p.ProbABetter <= 1 - ClearShare))
            .OrderByDescending(p => Math.Abs(p.ProbABetter - 0.5))
            .ThenByDescending(p => Math.Abs(p.MeanDiff) / Math.Max(1e-300, p.Ci95High - p.Ci95Low))
            .ToList();
        lines.AddRange(separated.Take(MaxExtraVerdicts).Select(Verdict));
        if (separated.Count > MaxExtraVerdicts)
            lines.Add(string.Create(Inv, $"({separated.Count - MaxExtraVerdicts} more clearly separated pairs in paired.csv)"));
        return lines;
    }

    /// <summary>"a &gt; b on metric in 87% of paired replications (mean +0.12, 95% CI +0.10 to +0.14)", winner first.</summary>
    public static string Verdict(PairedRow p)
    {
        if (double.IsNaN(p.ProbABetter)) return $"{p.DesignA} vs {p.DesignB} on {p.Metric.Name}: no paired replication";
        bool aFirst = p.ProbABetter >= 0.5;
        string win = aFirst ? p.DesignA : p.DesignB, lose = aFirst ? p.DesignB : p.DesignA;
        double share = aFirst ? p.ProbABetter : 1 - p.ProbABetter;
        double mean = aFirst ? p.MeanDiff : -p.MeanDiff;
        double lo = aFirst ? p.Ci95Low : -p.Ci95High, hi = aFirst ? p.Ci95High : -p.Ci95Low;
        string stats = $"(mean {Num(mean, true)}, 95% CI {Num(lo, true)} to {Num(hi, true)})";
        if (p.MeanDiff == 0 && p.Ci95Low == 0 && p.Ci95High == 0 && p.ProbABetter == 0.5)
            return $"{win} = {lose} on {p.Metric.Name} in every paired replication {stats}";
        string op = p.Metric.Better == Better.Lower ? "<" : ">";
        string note = p.Metric.Better switch { Better.Lower => " (lower is better)", Better.Neither => " (neither direction is better)", _ => "" };
        string pct = (100 * share).ToString("0", Inv);
        return $"{win} {op} {lose} on {p.Metric.Name}{note} in {pct}% of paired replications {stats}";
    }

    /// <summary>Compact invariant number: 3 decimals below 10, 2 below 100, 1 above; optional explicit sign.</summary>
    public static string Num(double x, bool sign)
    {
        if (double.IsNaN(x)) return "NaN";
        double a = Math.Abs(x);
        string fmt = a < 10 ? "0.000" : a < 100 ? "0.00" : "0.0";
        string s = a.ToString(fmt, Inv);
        if (x < 0 && s.Any(c => c is >= '1' and <= '9')) return "-" + s;
        return sign ? "+" + s : s;
    }
}
