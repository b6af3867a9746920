using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>A territory-scope metric with the range its quantile sketches cover (declared here; the model does not).</summary>
public sealed record TerritoryMetricDef(string Name, double Min, double Max);

/// <summary>
/// The shape of one replication's results: designs × (end metrics, monthly region series, monthly territory series).
/// Everything the aggregator needs, so that journals can be re-aggregated (resume, merge) without the scenario.
/// </summary>
public sealed class ComparisonLayout
{
    public ComparisonLayout(IReadOnlyList<string> designs, IReadOnlyList<MetricDef> metrics, int months,
        IReadOnlyList<string> territories, IReadOnlyList<TerritoryMetricDef> territoryMetrics)
    {
        if (designs.Count == 0) throw new ArgumentException("at least one design is needed", nameof(designs));
        if (months < 1) throw new ArgumentOutOfRangeException(nameof(months));
        Designs = designs;
        Metrics = metrics;
        Months = months;
        Territories = territories;
        TerritoryMetrics = territoryMetrics;
    }

    public IReadOnlyList<string> Designs { get; }
    public IReadOnlyList<MetricDef> Metrics { get; }
    /// <summary>Months simulated; month m (0-based, 0 = the first month of the edition) is the state after step m.</summary>
    public int Months { get; }
    public IReadOnlyList<string> Territories { get; }
    public IReadOnlyList<TerritoryMetricDef> TerritoryMetrics { get; }

    public int D => Designs.Count;
    public int M => Metrics.Count;
    public int T => Territories.Count;
    public int K => TerritoryMetrics.Count;

    /// <summary>End-metric values per design (M).</summary>
    public int EndPerDesign => M;
    /// <summary>Region-series values per design, month-major (Months × M).</summary>
    public int SeriesPerDesign => Months * M;
    /// <summary>Territory-series values per design, territory-major then month then metric (T × Months × K).</summary>
    public int TerritoryPerDesign => T * Months * K;

    public int SeriesIndex(int design, int month, int metric) => (design * Months + month) * M + metric;
    public int TerritoryIndex(int design, int territory, int month, int metric) => ((design * T + territory) * Months + month) * K + metric;

    /// <summary>
    /// Territory metric ranges: progress, capacity and engagement on [0, 1]; funding in M$ on [0, total envelope of the
    /// edition in M$, rounded up]; projects on [0, 200] (values above are clamped by the sketch and counted).
    /// </summary>
    public static IReadOnlyList<TerritoryMetricDef> TerritoryMetricsFor(double totalEnvelopeDollars)
    {
        double fundingMax = Math.Max(1, Math.Ceiling(totalEnvelopeDollars / 1e6));
        var defs = new TerritoryMetricDef[MetricCatalog.Territory.Count];
        for (int k = 0; k < defs.Length; k++)
        {
            string name = MetricCatalog.Territory.Names[k];
            defs[k] = k switch
            {
                MetricCatalog.Territory.Funding => new TerritoryMetricDef(name, 0, fundingMax),
                MetricCatalog.Territory.Projects => new TerritoryMetricDef(name, 0, 200),
                _ => new TerritoryMetricDef(name, 0, 1),
            };
        }
        return defs;
    }
}
