using System.Globalization;
using System.Text;
using Alliances.Analysis.Discovery;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>The inputs of <c>alliances discover</c>.</summary>
public sealed record DiscoveryRequest
{
    /// <summary>A robustness folder: samples.csv (and factors.csv for the declared bounds).</summary>
    public required string Dir { get; init; }
    public required string DesignA { get; init; }
    public required string DesignB { get; init; }
    public required string Metric { get; init; }
    public string? OutDir { get; init; }
    /// <summary>"coverage" (default: the densest box with coverage ≥ <see cref="MinCoverage"/>) or "knee".</summary>
    public string Select { get; init; } = "coverage";
    public double MinCoverage { get; init; } = 0.8;
    public double Alpha { get; init; } = 0.05;
    public double MinMass { get; init; } = 0.05;
    public bool Force { get; init; }
}

/// <summary>
/// A restricted dimension of the chosen box with its quasi-p-value (Bryant and Lempert 2010; as in the EMA Workbench):
/// with p the density of the box without this restriction, the binomial probability of finding at least the box's cases
/// among its points, P(X ≥ cases), X ~ Binomial(points, p). Small: the restriction concentrates the cases.
/// </summary>
public sealed record LimitSignificance(DimensionLimit Limit, double QuasiP);

/// <summary>The chosen box reduced to its significant restrictions (quasi-p below the threshold).</summary>
public sealed record SimplifiedBox(double[] Lower, double[] Upper, IReadOnlyList<string> Dimensions, int Points, int Cases,
    double Coverage, double Density, double Mass);

/// <summary>PRIM over the factors of a robustness folder: where does A do worse than B on a metric?</summary>
public sealed class DiscoveryResult
{
    internal DiscoveryResult(DiscoveryRequest request, MetricDef metric, PrimResult prim, PrimBox chosen, string rule, int samples, int cases,
        IReadOnlyList<LimitSignificance> significance, SimplifiedBox simplified)
    {
        Request = request;
        Metric = metric;
        Prim = prim;
        Chosen = chosen;
        Rule = rule;
        Samples = samples;
        Cases = cases;
        Significance = significance;
        Simplified = simplified;
    }

    /// <summary>Threshold of the quasi-p-values that keeps a restriction in <see cref="Simplified"/>.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>Restricted dimensions of <see cref="Chosen"/>, most significant (lowest quasi-p) first.</summary>
    public IReadOnlyList<LimitSignificance> Significance { get; }

    /// <summary>The chosen box keeping only restrictions with quasi-p &lt; <see cref="SignificanceLevel"/>: the parameters that matter.</summary>
    public SimplifiedBox Simplified { get; }

    /// <summary>Names of the significant restricted dimensions, most significant first.</summary>
    public IReadOnlyList<string> ParametersThatMatter => Simplified.Dimensions;

    public DiscoveryRequest Request { get; }
    public MetricDef Metric { get; }
    public PrimResult Prim { get; }
    /// <summary>The box reported (see <see cref="Rule"/>).</summary>
    public PrimBox Chosen { get; }
    /// <summary>How <see cref="Chosen"/> was picked, in words.</summary>
    public string Rule { get; }
    public int Samples { get; }
    /// <summary>Samples where A does worse than B.</summary>
    public int Cases { get; }
}

public sealed record DiscoveryOutcome(JobStatus Status, string Message)
{
    public string OutDir { get; init; } = "";
    /// <summary>Null when there is nothing to discover (no case of interest).</summary>
    public DiscoveryResult? Result { get; init; }
}

/// <summary>
/// Scenario discovery (Bryant and Lempert 2010) on a robustness folder: the cases of interest are the samples where design
/// A does worse than design B on the metric (by the metric's direction; ties are not cases); PRIM (Friedman and Fisher
/// 1999) peels the factor space from the declared bounds of each factor (factors.csv; else the observed range).
/// </summary>
public static class DiscoveryJob
{
    public static IReadOnlyList<string> ResultFiles { get; } = ["peeling.csv", "box.csv", "discovery.json", "peeling.svg"];

    public static string DefaultOut(DiscoveryRequest r) => Path.Combine(r.Dir, $"discover-{r.DesignA}-vs-{r.DesignB}-{r.Metric}");

    public static DiscoveryOutcome Run(DiscoveryRequest req)
    {
        try
        {
            return RunChecked(req);
        }
        catch (JobInputException e)
        {
            return new DiscoveryOutcome(JobStatus.BadInput, e.Message);
        }
    }

    private static DiscoveryOutcome RunChecked(DiscoveryRequest req)
    {
        if (!Directory.Exists(req.Dir)) throw new JobInputException($"'{req.Dir}' is not a folder (give the --out folder of 'alliances robustness')");
        string samplesPath = Path.Combine(req.Dir, "samples.csv");
        if (!File.Exists(samplesPath)) throw new JobInputException($"{samplesPath} not found; run 'alliances robustness' first");
        if (req.DesignA == req.DesignB) throw new JobInputException("--design and --vs name the same design");
        if (req.Select is not ("coverage" or "knee")) throw new JobInputException($"--select must be coverage or knee, got '{req.Select}'");
        if (!(req.MinCoverage > 0 && req.MinCoverage <= 1)) throw new JobInputException("--min-coverage must be in (0, 1]");
        if (!(req.Alpha > 0 && req.Alpha < 0.5)) throw new JobInputException("--alpha must be in (0, 0.5)");
        if (!(req.MinMass > 0 && req.MinMass < 1)) throw new JobInputException("--min-mass must be in (0, 1)");
        if (!MetricCatalog.TryGet(req.Metric, out var metric))
            throw new JobInputException($"--metric: unknown metric '{req.Metric}'; metrics: {string.Join(", ", MetricCatalog.All.Select(m => m.Name))}");
        if (metric.Better == Better.Neither)
            throw new JobInputException($"--metric: '{metric.Name}' has no better direction, so 'A does worse than B' is undefined");

        var table = CsvTable.Read(samplesPath);
        int cSample = table.Column("sample"), cDesign = table.Column("design"), cMetric = table.Column(metric.Name);
        if (cSample < 0 || cDesign < 0) throw new JobInputException($"{samplesPath}: expected columns 'sample' and 'design'");
        if (cMetric < 0) throw new JobInputException($"{samplesPath}: no column '{metric.Name}'");

        // Factors and their declared bounds.
        var names = new List<string>();
        var bounds = new List<(double, double)>();
        string factorsPath = Path.Combine(req.Dir, "factors.csv");
        if (File.Exists(factorsPath))
        {
            var ft = CsvTable.Read(factorsPath);
            int cn = ft.Column("factor"), cl = ft.Column("low"), ch = ft.Column("high");
            if (cn < 0 || cl < 0 || ch < 0) throw new JobInputException($"{factorsPath}: expected columns factor, low, high");
            foreach (var row in ft.Rows)
            {
                names.Add(row[cn]);
                bounds.Add((ft.Number(row, cl, factorsPath), ft.Number(row, ch, factorsPath)));
            }
        }
        else
        {
            foreach (var h in table.Header)
                if (h is not ("sample" or "design" or "replication_seed") && !MetricCatalog.TryGet(h, out _)) names.Add(h);
        }
        if (names.Count == 0) throw new JobInputException($"{req.Dir}: the samples have no uncertain factor to discover boxes in");
        var factorCols = names.Select(n => table.Column(n)).ToArray();
        for (int i = 0; i < names.Count; i++)
            if (factorCols[i] < 0) throw new JobInputException($"{samplesPath}: no column for factor '{names[i]}'");

        // Pair A and B by sample.
        var a = new SortedDictionary<long, (double[] X, double Y)>();
        var b = new Dictionary<long, double>();
        var designs = new List<string>();
        foreach (var row in table.Rows)
        {
            string design = row[cDesign];
            if (!designs.Contains(design)) designs.Add(design);
            if (design != req.DesignA && design != req.DesignB) continue;
            if (!long.TryParse(row[cSample], NumberStyles.Integer, CultureInfo.InvariantCulture, out long s))
                throw new JobInputException($"{samplesPath}: bad sample number '{row[cSample]}'");
            double y = table.Number(row, cMetric, samplesPath);
            if (design == req.DesignA)
            {
                var x = factorCols.Select(c => table.Number(row, c, samplesPath)).ToArray();
                if (!a.TryAdd(s, (x, y))) throw new JobInputException($"{samplesPath}: sample {s} of design '{design}' appears twice");
            }
            else if (!b.TryAdd(s, y)) throw new JobInputException($"{samplesPath}: sample {s} of design '{design}' appears twice");
        }
        foreach (var d in new[] { req.DesignA, req.DesignB })
            if (!designs.Contains(d)) throw new JobInputException($"unknown design '{d}'; designs in {samplesPath}: {string.Join(", ", designs)}");
        var keys = a.Keys.Where(b.ContainsKey).ToArray();
        if (keys.Length != a.Count || keys.Length != b.Count)
            throw new JobInputException($"{samplesPath}: designs '{req.DesignA}' and '{req.DesignB}' do not have the same samples");
        if (keys.Length < 10) throw new JobInputException($"{samplesPath}: {keys.Length} samples is too few for scenario discovery (at least 10)");
        var xs = keys.Select(k => a[k].X).ToArray();
        bool higher = metric.Better == Better.Higher;
        var cases = keys.Select(k => higher ? a[k].Y < b[k] : a[k].Y > b[k]).ToArray();
        int nCases = cases.Count(c => c);

        string outDir = string.IsNullOrWhiteSpace(req.OutDir) ? DefaultOut(req) : req.OutDir;
        if (File.Exists(outDir)) throw new JobInputException($"--out: '{outDir}' is a file, not a folder");
        if (!req.Force && ResultFiles.Any(f => File.Exists(Path.Combine(outDir, f))))
            throw new JobInputException($"'{outDir}' already holds discovery results; pass --force to replace them, or choose another --out");

        if (nCases == 0)
            return new DiscoveryOutcome(JobStatus.Completed, JobSupport.Inv(
                $"'{req.DesignA}' never does worse than '{req.DesignB}' on {metric.Name} in the {keys.Length} samples: there is nothing to discover"))
            { OutDir = outDir };

        var declared = bounds.Count == names.Count
            ? bounds.Select((bd, i) => (Math.Min(bd.Item1, xs.Min(r => r[i])), Math.Max(bd.Item2, xs.Max(r => r[i])))).ToArray()
            : null;
        var prim = Prim.Run(xs, cases, names, declared, new PrimOptions { Alpha = req.Alpha, MinMass = req.MinMass });
        PrimBox chosen;
        string rule;
        if (req.Select == "knee")
        {
            chosen = prim.SelectKnee();
            rule = "knee of the coverage-density trajectory (closest to the ideal point after rescaling both to [0, 1])";
        }
        else
        {
            chosen = prim.SelectByCoverage(req.MinCoverage);
            rule = JobSupport.Inv($"densest box with coverage >= {req.MinCoverage}");
        }
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new JobInputException($"--out: cannot write to '{outDir}': {e.Message}");
        }
        var (significance, simplified) = Significance(xs, cases, prim, chosen, nCases);
        return new DiscoveryOutcome(JobStatus.Completed, $"results in {outDir}")
        {
            OutDir = outDir, Result = new DiscoveryResult(req, metric, prim, chosen, rule, keys.Length, nCases, significance, simplified),
        };
    }

    private static (IReadOnlyList<LimitSignificance>, SimplifiedBox) Significance(double[][] x, bool[] y, PrimResult prim, PrimBox box, int totalCases)
    {
        int k = prim.Names.Count;
        var low = prim.BoundsLow.ToArray();
        var high = prim.BoundsHigh.ToArray();
        (int Points, int Cases) Count(double[] lower, double[] upper)
        {
            int points = 0, cases = 0;
            for (int p = 0; p < x.Length; p++)
            {
                bool inside = true;
                for (int i = 0; i < k && inside; i++) inside = x[p][i] >= lower[i] && x[p][i] <= upper[i];
                if (!inside) continue;
                points++;
                if (y[p]) cases++;
            }
            return (points, cases);
        }
        var list = new List<LimitSignificance>();
        foreach (var l in box.Limits)
        {
            var lower = (double[])box.Lower.Clone();
            var upper = (double[])box.Upper.Clone();
            lower[l.Index] = low[l.Index];
            upper[l.Index] = high[l.Index];
            var (tj, hj) = Count(lower, upper);
            double p = tj == 0 ? 0 : (double)hj / tj;
            double qp = box.Cases == 0 ? 1 : p >= 1 ? 1 : 1 - MathNet.Numerics.Distributions.Binomial.CDF(p, box.Points, box.Cases - 1);
            list.Add(new LimitSignificance(l, Math.Clamp(qp, 0, 1)));
        }
        list = list.OrderBy(s => s.QuasiP).ThenByDescending(s => s.Limit.Restriction).ThenBy(s => s.Limit.Index).ToList();
        var keep = list.Where(s => s.QuasiP < DiscoveryResult.SignificanceLevel).ToList();
        var sl = (double[])low.Clone();
        var su = (double[])high.Clone();
        foreach (var s in keep)
        {
            sl[s.Limit.Index] = box.Lower[s.Limit.Index];
            su[s.Limit.Index] = box.Upper[s.Limit.Index];
        }
        var (points, casesIn) = Count(sl, su);
        var simplified = new SimplifiedBox(sl, su, keep.Select(s => s.Limit.Name).ToArray(), points, casesIn,
            totalCases == 0 ? double.NaN : (double)casesIn / totalCases, points == 0 ? double.NaN : (double)casesIn / points, (double)points / x.Length);
        return (list, simplified);
    }

}

/// <summary>A small RFC 4180 reader for the CSV files this tool writes (header row, then rows).</summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<string[]> Rows { get; }

    public int Column(string name) => Array.IndexOf(Header, name);

    public double Number(string[] row, int column, string file)
    {
        if (double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        throw new JobInputException($"{file}: '{row[column]}' in column '{Header[column]}' is not a number");
    }

    public static CsvTable Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new JobInputException($"cannot read {path}: {e.Message}"); }
        var records = Parse(text);
        if (records.Count == 0) throw new JobInputException($"{path} is empty");
        var header = records[0];
        var rows = new List<string[]>();
        for (int i = 1; i < records.Count; i++)
        {
            if (records[i].Length == 1 && records[i][0].Length == 0) continue;
            if (records[i].Length != header.Length)
                throw new JobInputException($"{path}: line {i + 1} has {records[i].Length} fields, the header has {header.Length}");
            rows.Add(records[i]);
        }
        return new CsvTable(header, rows);
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields.ToArray());
                    fields.Clear();
                    any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }
        return records;
    }
}
