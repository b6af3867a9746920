using System.Globalization;
using Alliances.Model;
using CsvHelper;

namespace Alliances.Reporting;

/// <summary>CSV conventions of the `run` outputs: UTF-8 without BOM, comma, '\n', invariant culture, doubles in round-trip format.</summary>
public static class RunOutputCsv
{
    public static CsvWriterOptions Options { get; } = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter Create(Stream stream, bool leaveOpen = false) => CsvWriter.Create(stream, Options, leaveOpen);

    public static void WriteNumber(CsvWriter csv, double value) => csv.WriteField(value, "R");

    /// <summary>metrics.csv: <c>metric,value</c>, one row per region metric in <see cref="MetricCatalog"/> order.</summary>
    public static void WriteMetrics(Stream stream, ReadOnlySpan<double> metrics)
    {
        using var csv = Create(stream, leaveOpen: true);
        csv.WriteField("metric");
        csv.WriteField("value");
        csv.EndRecord();
        foreach (var m in MetricCatalog.All)
        {
            csv.WriteField(m.Name);
            WriteNumber(csv, metrics[m.Index]);
            csv.EndRecord();
        }
        csv.Flush();
    }
}

/// <summary>
/// timeseries.csv of `run`, written month by month as the simulation advances (nothing but one month is held):
/// <c>month,scope,&lt;region metrics in catalog order&gt;,&lt;territory metrics&gt;</c>. For each month, the region row
/// (scope <c>region</c>) comes first, then one row per territory in region order (scope = territory name). Territory rows
/// leave the region columns empty; the region row also fills the territory columns with the aggregate over territories
/// given by <see cref="RegionAggregation"/> (money is summed; shares, levels and project counts, which overlap across
/// territories, are averaged without weights).
/// </summary>
public sealed class TimeSeriesCsvObserver : IMonthObserver, IDisposable
{
    /// <summary>Scope of region rows.</summary>
    public const string RegionScope = "region";

    /// <summary>How the region row aggregates each territory column (same order as <see cref="MetricCatalog.Territory.Names"/>).</summary>
    public static IReadOnlyList<string> RegionAggregation { get; } = BuildAggregation();

    private readonly CsvWriter _csv;
    private readonly double[] _territory = new double[MetricCatalog.Territory.Count];
    private double[] _rows = [];
    private readonly double[] _aggregate = new double[MetricCatalog.Territory.Count];

    public TimeSeriesCsvObserver(Stream stream, bool leaveOpen = false)
    {
        _csv = RunOutputCsv.Create(stream, leaveOpen);
        foreach (var name in Header) _csv.WriteField(name);
        _csv.EndRecord();
    }

    public static IReadOnlyList<string> Header { get; } =
        ["month", "scope", .. MetricCatalog.All.Select(m => m.Name), .. MetricCatalog.Territory.Names];

    public int Rows { get; private set; }

    public void OnMonth(World world, int month, ReadOnlySpan<double> regionMetrics)
    {
        int T = world.T, K = MetricCatalog.Territory.Count;
        if (_rows.Length != T * K) _rows = new double[T * K];
        Array.Clear(_aggregate);
        for (int t = 0; t < T; t++)
        {
            MetricsCalculator.Territory(world, t, _territory);
            _territory.CopyTo(_rows, t * K);
            for (int k = 0; k < K; k++) _aggregate[k] += _territory[k];
        }
        for (int k = 0; k < K; k++)
            if (RegionAggregation[k] == "mean") _aggregate[k] /= T;

        _csv.WriteField(month, "");
        _csv.WriteField(RegionScope);
        for (int i = 0; i < regionMetrics.Length; i++) RunOutputCsv.WriteNumber(_csv, regionMetrics[i]);
        for (int k = 0; k < K; k++) RunOutputCsv.WriteNumber(_csv, _aggregate[k]);
        _csv.EndRecord();

        for (int t = 0; t < T; t++)
        {
            _csv.WriteField(month, "");
            _csv.WriteField(world.Region.Territories[t].Name);
            for (int i = 0; i < regionMetrics.Length; i++) _csv.WriteField("");
            for (int k = 0; k < K; k++) RunOutputCsv.WriteNumber(_csv, _rows[t * K + k]);
            _csv.EndRecord();
        }
        Rows += T + 1;
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();

    private static string[] BuildAggregation()
    {
        var a = new string[MetricCatalog.Territory.Count];
        Array.Fill(a, "mean");
        a[MetricCatalog.Territory.Funding] = "sum";
        return a;
    }
}
