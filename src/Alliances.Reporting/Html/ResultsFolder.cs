using System.Globalization;
using System.Text;
using System.Text.Json;
using Alliances.Model;
using CsvHelper;

namespace Alliances.Reporting.Html;

/// <summary>The results folder is missing, incomplete or unreadable (the CLI maps this to exit code 2).</summary>
public sealed class ReportInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A metric as described by the manifest (falling back to <see cref="MetricCatalog"/>).</summary>
public sealed record MetricInfo(string Name, Better Better, double Min, double Max, string Fr, string En, bool Core)
{
    /// <summary>True for metrics on a unit-like scale (indices, shares, gaps): span of at most 2.</summary>
    public bool UnitScale => Max - Min <= 2;
}

public sealed record SummaryRow(string Design, string Metric, int N, double Mean, double Sd, double CiLow, double CiHigh,
                                double P05, double P50, double P95);

public sealed record PairedRow(string DesignA, string DesignB, string Metric, double MeanDiff, double CiLow, double CiHigh,
                               double ProbABetter);

public sealed record RankRow(string Design, string Metric, int Rank, double Share);

public sealed record QuantileRow(int Month, double P05, double P25, double P50, double P75, double P95);

public sealed record TerritoryRow(string Design, string Territory, int Month, string Metric, double P05, double P50, double P95);

public sealed record DesignInfo(string Name, IReadOnlyList<KeyValuePair<string, JsonElement>> Levers);

/// <summary>What manifest.json says about the run (every field optional except designs and metrics, which fall back to the CSVs).</summary>
public sealed record ManifestInfo
{
    public string Command { get; init; } = "";
    /// <summary>The command line that reproduces the folder, when the manifest records it (beyond the contract).</summary>
    public string CommandLine { get; init; } = "";
    public string ScenarioName { get; init; } = "";
    public string ScenarioFile { get; init; } = "";
    public string ScenarioHash { get; init; } = "";
    public string Seed { get; init; } = "";
    public int? Replications { get; init; }
    public IReadOnlyList<DesignInfo> Designs { get; init; } = [];
    public int? Threads { get; init; }
    public int? Shards { get; init; }
    public string CodeVersion { get; init; } = "";
    public string GitCommit { get; init; } = "";
    public string CreatedUtc { get; init; } = "";
    public double? DurationSeconds { get; init; }
    public double? ReplicationsPerSecond { get; init; }
    public IReadOnlyList<MetricInfo> Metrics { get; init; } = [];
}

/// <summary>
/// Everything the report reads from a results folder of <c>alliances compare</c> (docs/CONTRACTS.md).
/// runs.csv, summary.csv, paired.csv and manifest.json are required; ranks.csv, timeseries.csv and
/// territories.csv are optional (the report says so when they are missing).
/// </summary>
public sealed class ResultsFolder
{
    public const string Runs = "runs.csv", Summary = "summary.csv", Paired = "paired.csv", Ranks = "ranks.csv",
        Timeseries = "timeseries.csv", Territories = "territories.csv", ManifestFile = "manifest.json";

    /// <summary>Files without which no report is built.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = [Runs, Summary, Paired, ManifestFile];

    /// <summary>Files whose sections are replaced by a short note when missing.</summary>
    public static IReadOnlyList<string> OptionalFiles { get; } = [Ranks, Timeseries, Territories];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public required string Directory { get; init; }
    public required ManifestInfo Manifest { get; init; }
    /// <summary>Design names in report order (manifest order, then any design only seen in the CSVs).</summary>
    public required IReadOnlyList<string> Designs { get; init; }
    /// <summary>Metrics in catalog order, restricted to those present in runs.csv or summary.csv.</summary>
    public required IReadOnlyList<MetricInfo> Metrics { get; init; }
    /// <summary>Per design, per metric: one value per replication, in replication order.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double[]>> RunValues { get; init; }
    public required IReadOnlyDictionary<(string Design, string Metric), SummaryRow> SummaryRows { get; init; }
    public required IReadOnlyList<PairedRow> PairedRows { get; init; }
    public required IReadOnlyList<RankRow> RankRows { get; init; }
    /// <summary>Per (design, metric): rows ordered by month. Empty when timeseries.csv is missing.</summary>
    public required IReadOnlyDictionary<(string Design, string Metric), IReadOnlyList<QuantileRow>> Series { get; init; }
    public required IReadOnlyList<TerritoryRow> TerritoryRows { get; init; }
    /// <summary>Optional files that were not found.</summary>
    public required IReadOnlyList<string> MissingOptional { get; init; }

    public int ReplicationCount => RunValues.Values.Select(m => m.Values.FirstOrDefault()?.Length ?? 0).DefaultIfEmpty(0).Max();

    public MetricInfo? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);

    public SummaryRow? SummaryOf(string design, string metric) => SummaryRows.TryGetValue((design, metric), out var r) ? r : null;

    /// <summary>Required files missing from <paramref name="dir"/> (all of them when the folder does not exist).</summary>
    public static IReadOnlyList<string> MissingRequired(string dir) =>
        System.IO.Directory.Exists(dir) ? RequiredFiles.Where(f => !File.Exists(Path.Combine(dir, f))).ToList() : RequiredFiles.ToList();

    /// <summary>Reads a results folder; throws <see cref="ReportInputException"/> with a readable message on any problem.</summary>
    public static ResultsFolder Read(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!System.IO.Directory.Exists(dir))
        {
            throw new ReportInputException($"Results folder not found: '{dir}'.");
        }

        var missing = MissingRequired(dir);
        if (missing.Count > 0)
        {
            throw new ReportInputException(
                $"'{dir}' is not a complete results folder of 'alliances compare': missing {string.Join(", ", missing)}.");
        }

        var manifest = ReadManifest(Path.Combine(dir, ManifestFile));
        var (runDesigns, runMetrics, runValues) = ReadRuns(Path.Combine(dir, Runs));
        var summary = ReadTable(Path.Combine(dir, Summary), ["design", "metric", "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95"],
            f => new SummaryRow(f.S(0), f.S(1), f.I(2), f.D(3), f.D(4), f.D(5), f.D(6), f.D(7), f.D(8), f.D(9)));
        var paired = ReadTable(Path.Combine(dir, Paired), ["design_a", "design_b", "metric", "mean_diff", "ci95_low", "ci95_high", "prob_a_better"],
            f => new PairedRow(f.S(0), f.S(1), f.S(2), f.D(3), f.D(4), f.D(5), f.D(6)));

        var missingOptional = new List<string>();
        string Opt(string name)
        {
            string p = Path.Combine(dir, name);
            if (!File.Exists(p))
            {
                missingOptional.Add(name);
            }

            return p;
        }

        string ranksPath = Opt(Ranks), tsPath = Opt(Timeseries), terrPath = Opt(Territories);
        var ranks = File.Exists(ranksPath)
            ? ReadTable(ranksPath, ["design", "metric", "rank", "share"], f => new RankRow(f.S(0), f.S(1), f.I(2), f.D(3)))
            : [];
        var series = new Dictionary<(string, string), IReadOnlyList<QuantileRow>>();
        if (File.Exists(tsPath))
        {
            var rows = ReadTable(tsPath, ["design", "month", "metric", "p05", "p25", "p50", "p75", "p95"],
                f => (Design: f.S(0), Metric: f.S(2), Row: new QuantileRow(f.I(1), f.D(3), f.D(4), f.D(5), f.D(6), f.D(7))));
            foreach (var g in rows.GroupBy(r => (r.Design, r.Metric)))
            {
                series[g.Key] = g.Select(r => r.Row).OrderBy(r => r.Month).ToList();
            }
        }

        var territories = File.Exists(terrPath)
            ? ReadTable(terrPath, ["design", "territory", "month", "metric", "p05", "p50", "p95"],
                f => new TerritoryRow(f.S(0), f.S(1), f.I(2), f.S(3), f.D(4), f.D(5), f.D(6)))
            : [];

        // Design order: the manifest's, then any design that only appears in the CSVs.
        var designs = new List<string>();
        void AddDesign(string d)
        {
            if (!string.IsNullOrEmpty(d) && !designs.Contains(d))
            {
                designs.Add(d);
            }
        }

        foreach (var d in manifest.Designs)
        {
            AddDesign(d.Name);
        }

        foreach (var d in runDesigns)
        {
            AddDesign(d);
        }

        foreach (var r in summary)
        {
            AddDesign(r.Design);
        }

        // Metrics: manifest (or catalog) definitions, in catalog order, restricted to what the CSVs hold.
        var present = new HashSet<string>(runMetrics);
        present.UnionWith(summary.Select(r => r.Metric));
        var known = manifest.Metrics.Count > 0 ? manifest.Metrics : MetricCatalog.All.Select(FromCatalog).ToList();
        var metrics = known.Where(m => present.Contains(m.Name)).ToList();
        foreach (string name in runMetrics.Where(n => metrics.All(m => m.Name != n)))
        {
            metrics.Add(MetricCatalog.TryGet(name, out var def) ? FromCatalog(def) : new MetricInfo(name, Better.Neither, 0, 1, name, name, false));
        }

        return new ResultsFolder
        {
            Directory = Path.GetFullPath(dir),
            Manifest = manifest,
            Designs = designs,
            Metrics = metrics,
            RunValues = runValues,
            SummaryRows = summary.GroupBy(r => (r.Design, r.Metric)).ToDictionary(g => g.Key, g => g.First()),
            PairedRows = paired,
            RankRows = ranks,
            Series = series,
            TerritoryRows = territories,
            MissingOptional = missingOptional,
        };
    }

    private static MetricInfo FromCatalog(MetricDef d) => new(d.Name, d.Better, d.Min, d.Max, d.Fr, d.En, d.Core);

    // ---------------------------------------------------------------------------------------------- CSV

    /// <summary>Accessor over one CSV record with the columns resolved by name.</summary>
    private sealed class Fields(CsvReader csv, int[] index, string file)
    {
        public string S(int k) => csv.GetString(index[k]) ?? "";

        public double D(int k) => ParseDouble(S(k), file, csv.RowNumber, "");

        public int I(int k)
        {
            string s = S(k).Trim();
            return int.TryParse(s, NumberStyles.Integer, Inv, out int v)
                ? v
                : throw new ReportInputException($"{file}, record {csv.RowNumber}: '{s}' is not an integer.");
        }
    }

    private static double ParseDouble(string text, string file, long row, string column)
    {
        string s = text.Trim();
        if (s.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(s, NumberStyles.Float, Inv, out double v)
            ? v
            : throw new ReportInputException($"{file}, record {row}: '{s}'{(column.Length > 0 ? $" ({column})" : "")} is not a number.");
    }

    private static CsvReaderOptions CsvOptions => new() { Separator = ',', HasHeader = true, FormatProvider = Inv };

    private static (CsvReader Reader, string[] Header) Open(string path)
    {
        var csv = CsvReader.FromFile(path, CsvOptions);
        string[] header = csv.Headers.Select(h => h.Trim()).ToArray();
        if (header.Length == 0)
        {
            csv.Dispose();
            throw new ReportInputException($"{Path.GetFileName(path)} is empty (a header row is expected).");
        }

        return (csv, header);
    }

    private static List<T> ReadTable<T>(string path, string[] columns, Func<Fields, T> map)
    {
        string file = Path.GetFileName(path);
        try
        {
            var (csv, header) = Open(path);
            using (csv)
            {
                var index = new int[columns.Length];
                for (int k = 0; k < columns.Length; k++)
                {
                    index[k] = Array.IndexOf(header, columns[k]);
                    if (index[k] < 0)
                    {
                        throw new ReportInputException($"{file}: column '{columns[k]}' is missing (header: {string.Join(",", header)}).");
                    }
                }

                var fields = new Fields(csv, index, file);
                var rows = new List<T>();
                while (csv.Read())
                {
                    rows.Add(map(fields));
                }

                return rows;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvFormatException or CsvValidationException)
        {
            throw new ReportInputException($"{file} could not be read: {ex.Message}", ex);
        }
    }

    private static (List<string> Designs, List<string> Metrics, Dictionary<string, IReadOnlyDictionary<string, double[]>> Values) ReadRuns(string path)
    {
        string file = Path.GetFileName(path);
        var perDesign = new Dictionary<string, List<(int Rep, double[] Values)>>();
        var designs = new List<string>();
        List<string> metrics;
        try
        {
            var (csv, header) = Open(path);
            using (csv)
            {
                int iDesign = Array.IndexOf(header, "design"), iRep = Array.IndexOf(header, "replication");
                if (iDesign < 0 || iRep < 0)
                {
                    throw new ReportInputException($"{file}: columns 'design' and 'replication' are required (header: {string.Join(",", header)}).");
                }

                var metricCols = Enumerable.Range(0, header.Length)
                    .Where(i => header[i] is not ("design" or "replication" or "replication_seed")).ToArray();
                metrics = metricCols.Select(i => header[i]).ToList();
                while (csv.Read())
                {
                    string design = csv.GetString(iDesign) ?? "";
                    string repText = (csv.GetString(iRep) ?? "").Trim();
                    if (!int.TryParse(repText, NumberStyles.Integer, Inv, out int rep))
                    {
                        throw new ReportInputException($"{file}, record {csv.RowNumber}: replication '{repText}' is not an integer.");
                    }

                    var values = new double[metricCols.Length];
                    for (int k = 0; k < metricCols.Length; k++)
                    {
                        values[k] = ParseDouble(csv.GetString(metricCols[k]) ?? "", file, csv.RowNumber, header[metricCols[k]]);
                    }

                    if (!perDesign.TryGetValue(design, out var list))
                    {
                        perDesign[design] = list = [];
                        designs.Add(design);
                    }

                    list.Add((rep, values));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvFormatException or CsvValidationException)
        {
            throw new ReportInputException($"{file} could not be read: {ex.Message}", ex);
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, double[]>>();
        foreach (var (design, list) in perDesign)
        {
            var ordered = list.OrderBy(r => r.Rep).ToList();
            var byMetric = new Dictionary<string, double[]>();
            for (int k = 0; k < metrics.Count; k++)
            {
                byMetric[metrics[k]] = ordered.Select(r => r.Values[k]).ToArray();
            }

            result[design] = byMetric;
        }

        return (designs, metrics, result);
    }

    // ---------------------------------------------------------------------------------------------- manifest

    private static ManifestInfo ReadManifest(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ReportInputException($"manifest.json could not be read: {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportInputException("manifest.json: a JSON object is expected.");
            }

            var scenario = Prop(root, "scenario");
            var designs = new List<DesignInfo>();
            if (Prop(root, "designs") is { ValueKind: JsonValueKind.Array } ds)
            {
                foreach (var d in ds.EnumerateArray())
                {
                    string name = d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : Str(Prop(d, "name"));
                    var levers = new List<KeyValuePair<string, JsonElement>>();
                    if (Prop(d, "levers") is { ValueKind: JsonValueKind.Object } lv)
                    {
                        levers.AddRange(lv.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone())));
                    }

                    if (name.Length > 0)
                    {
                        designs.Add(new DesignInfo(name, levers));
                    }
                }
            }

            var metrics = new List<MetricInfo>();
            if (Prop(root, "metrics") is { ValueKind: JsonValueKind.Array } ms)
            {
                foreach (var m in ms.EnumerateArray())
                {
                    string name = Str(Prop(m, "name"));
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    MetricCatalog.TryGet(name, out var def);
                    metrics.Add(new MetricInfo(
                        name,
                        ParseBetter(Prop(m, "better"), def?.Better ?? Better.Neither),
                        Num(Prop(m, "min")) ?? def?.Min ?? 0,
                        Num(Prop(m, "max")) ?? def?.Max ?? 1,
                        Str(Prop(m, "fr")) is { Length: > 0 } fr ? fr : def?.Fr ?? name,
                        Str(Prop(m, "en")) is { Length: > 0 } en ? en : def?.En ?? name,
                        def?.Core ?? false));
                }
            }

            return new ManifestInfo
            {
                Command = Str(Prop(root, "command")),
                CommandLine = Str(Prop(root, "commandLine")),
                ScenarioName = scenario?.ValueKind == JsonValueKind.String ? Str(scenario) : Str(Prop(scenario, "name")),
                ScenarioFile = Str(Prop(scenario, "file")),
                ScenarioHash = Str(Prop(scenario, "hash")),
                Seed = Str(Prop(root, "seed")),
                Replications = (int?)Num(Prop(root, "replications")),
                Designs = designs,
                Threads = (int?)Num(Prop(root, "threads")),
                Shards = (int?)Num(Prop(root, "shards")),
                CodeVersion = Str(Prop(root, "codeVersion")),
                GitCommit = Str(Prop(root, "gitCommit")),
                CreatedUtc = Str(Prop(root, "createdUtc")),
                DurationSeconds = Num(Prop(root, "durationSeconds")),
                ReplicationsPerSecond = Num(Prop(root, "replicationsPerSecond")),
                Metrics = metrics,
            };
        }
    }

    private static JsonElement? Prop(JsonElement? e, string name)
    {
        if (e is not { ValueKind: JsonValueKind.Object } o)
        {
            return null;
        }

        if (o.TryGetProperty(name, out var v))
        {
            return v;
        }

        foreach (var p in o.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>Any scalar as text (numbers keep their JSON spelling, so a 64-bit seed is never rounded).</summary>
    private static string Str(JsonElement? e) => e?.ValueKind switch
    {
        JsonValueKind.String => e.Value.GetString() ?? "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.Value.GetRawText(),
        _ => "",
    };

    private static double? Num(JsonElement? e) => e?.ValueKind switch
    {
        JsonValueKind.Number => e.Value.GetDouble(),
        JsonValueKind.String when double.TryParse(e.Value.GetString(), NumberStyles.Float, Inv, out double v) => v,
        _ => null,
    };

    private static Better ParseBetter(JsonElement? e, Better fallback)
    {
        if (e?.ValueKind == JsonValueKind.Number && e.Value.TryGetInt32(out int i) && Enum.IsDefined(typeof(Better), (byte)i))
        {
            return (Better)(byte)i;
        }

        return Str(e).Trim().ToLowerInvariant() switch
        {
            "higher" or "high" or "max" or "up" => Better.Higher,
            "lower" or "low" or "min" or "down" => Better.Lower,
            "neither" or "none" => Better.Neither,
            _ => fallback,
        };
    }
}
