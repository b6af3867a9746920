using Alliances.Analysis.Statistics;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

public sealed record SummaryRow(string Design, MetricDef Metric, long N, double Mean, double Sd, double Ci95Low, double Ci95High,
    double P05, double P50, double P95);

public sealed record PairedRow(string DesignA, string DesignB, MetricDef Metric, long N, double MeanDiff, double Ci95Low, double Ci95High,
    double ProbABetter);

public sealed record RankRow(string Design, MetricDef Metric, int Rank, double Share);

public sealed record SeriesRow(string Design, int Month, string Metric, double P05, double P25, double P50, double P75, double P95);

public sealed record TerritoryRow(string Design, string Territory, int Month, string Metric, double P05, double P50, double P95);

/// <summary>
/// Streaming aggregates of a comparison. Memory is independent of R: per design × metric a <see cref="StreamingMoments"/>
/// and a <see cref="QuantileSketch"/>; per pair × metric the moments of the paired differences and a tie-aware win count;
/// per design × metric × rank an exact rank count; per design × month × metric and design × territory × month × metric a
/// sketch of the monthly values.
/// <para>Determinism: results must be added in replication order (the caller guarantees it); every update is then a
/// fixed sequence of floating-point operations, so the output is bit-identical whatever the threads or shards.</para>
/// <para>Statistics:
/// <list type="bullet">
/// <item>mean ± Student t (n − 1 df, MathNet) 95 % CI. Replications are i.i.d. and R is large, so by the CLT the
/// mean is close to normal and the t interval is adequate; the bootstrap would add cost without changing the answer.</item>
/// <item>paired differences: the same t interval on the per-replication differences a − b (both designs ran on the
/// same region, parameters and shocks), which removes the between-replication variance.</item>
/// <item>prob_a_better: share of replications where a is better than b by the metric's declared direction (higher or
/// lower); for <see cref="Better.Neither"/> the share where a &gt; b. Ties count half.</item>
/// <item>ranks: 1 = best by the declared direction (highest value first for <see cref="Better.Neither"/>); k designs
/// tied for ranks s..s+k−1 each receive 1/k of each of those ranks, so shares sum to 1 per design and per rank.</item>
/// <item>p05/p50/p95: <see cref="QuantileSketch.Quantile"/> over the metric's declared [Min, Max] with
/// <see cref="EndBins"/> bins: error at most one bin width, (Max − Min)/2000 (0.05 % of the range). Time series and
/// territory quantiles use <see cref="SeriesBins"/> bins: error at most (Max − Min)/200 (0.5 % of the range).</item>
/// <item>NaN values are skipped (n counts the values used).</item>
/// </list></para>
/// </summary>
public sealed class ComparisonAggregator
{
    public const int EndBins = QuantileSketch.DefaultBins;
    public const int SeriesBins = 200;

    private readonly ComparisonLayout _l;
    private readonly StreamingMoments[] _moments;      // D × M
    private readonly QuantileSketch[] _sketches;       // D × M
    private readonly StreamingMoments[] _diff;         // P × M
    private readonly long[] _wins2;                    // P × M, in half-wins
    private readonly long[] _pairN;                    // P × M
    private readonly long[] _rankUnits;                // D × M × D, in units of 1/L
    private readonly long[] _rankN;                    // M
    private readonly long _unitsPerRank;               // L = lcm(1..D)
    private readonly QuantileSketch[] _series;         // D × Months × M
    private readonly QuantileSketch[] _territories;    // D × T × Months × K
    private readonly (int A, int B)[] _pairs;
    private readonly int[] _order;
    private readonly double[] _values;

    public ComparisonAggregator(ComparisonLayout layout)
    {
        _l = layout;
        int D = layout.D, M = layout.M;
        _moments = new StreamingMoments[D * M];
        _sketches = new QuantileSketch[D * M];
        for (int d = 0; d < D; d++)
            for (int m = 0; m < M; m++)
            {
                _moments[d * M + m] = new StreamingMoments();
                _sketches[d * M + m] = new QuantileSketch(layout.Metrics[m].Min, layout.Metrics[m].Max, EndBins);
            }
        var pairs = new List<(int, int)>();
        for (int a = 0; a < D; a++) for (int b = a + 1; b < D; b++) pairs.Add((a, b));
        _pairs = [.. pairs];
        _diff = new StreamingMoments[_pairs.Length * M];
        for (int i = 0; i < _diff.Length; i++) _diff[i] = new StreamingMoments();
        _wins2 = new long[_pairs.Length * M];
        _pairN = new long[_pairs.Length * M];
        _rankUnits = new long[D * M * D];
        _rankN = new long[M];
        long l = 1;
        for (int k = 2; k <= D; k++) l = l / Gcd(l, k) * k;
        _unitsPerRank = l;
        _series = new QuantileSketch[D * layout.Months * M];
        for (int d = 0; d < D; d++)
            for (int t = 0; t < layout.Months; t++)
                for (int m = 0; m < M; m++)
                    _series[layout.SeriesIndex(d, t, m)] = new QuantileSketch(layout.Metrics[m].Min, layout.Metrics[m].Max, SeriesBins);
        _territories = new QuantileSketch[D * layout.TerritoryPerDesign];
        for (int d = 0; d < D; d++)
            for (int t = 0; t < layout.T; t++)
                for (int mo = 0; mo < layout.Months; mo++)
                    for (int k = 0; k < layout.K; k++)
                        _territories[layout.TerritoryIndex(d, t, mo, k)] =
                            new QuantileSketch(layout.TerritoryMetrics[k].Min, layout.TerritoryMetrics[k].Max, SeriesBins);
        _order = new int[D];
        _values = new double[D];
    }

    public ComparisonLayout Layout => _l;

    /// <summary>Replications added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one replication (all designs). Call in replication order.</summary>
    public void Add(ReplicationResult r)
    {
        int D = _l.D, M = _l.M;
        if (r.End.Length != D * M || r.Series.Length != D * _l.SeriesPerDesign || r.Territories.Length != D * _l.TerritoryPerDesign)
            throw new ArgumentException($"replication {r.Replication} does not match the comparison layout");
        var end = r.End;
        for (int i = 0; i < D * M; i++)
        {
            double v = end[i];
            if (double.IsNaN(v)) continue;
            _moments[i].Add(v);
            _sketches[i].Add(v);
        }
        for (int p = 0; p < _pairs.Length; p++)
        {
            var (a, b) = _pairs[p];
            for (int m = 0; m < M; m++)
            {
                double va = end[a * M + m], vb = end[b * M + m];
                if (double.IsNaN(va) || double.IsNaN(vb)) continue;
                int i = p * M + m;
                _diff[i].Add(va - vb);
                _pairN[i]++;
                _wins2[i] += Compare(_l.Metrics[m].Better, va, vb) switch { > 0 => 2, 0 => 1, _ => 0 };
            }
        }
        for (int m = 0; m < M; m++) AddRanks(end, m);
        var s = r.Series;
        for (int i = 0; i < s.Length; i++) if (!float.IsNaN(s[i])) _series[i].Add(s[i]);
        var t = r.Territories;
        for (int i = 0; i < t.Length; i++) if (!float.IsNaN(t[i])) _territories[i].Add(t[i]);
        Count++;
    }

    /// <summary>&gt; 0 when a is better than b by the direction (a &gt; b for Neither), 0 when tied.</summary>
    public static int Compare(Better better, double a, double b) => better switch
    {
        Better.Lower => b.CompareTo(a),
        _ => a.CompareTo(b),
    };

    private void AddRanks(double[] end, int m)
    {
        int D = _l.D, M = _l.M;
        for (int d = 0; d < D; d++)
        {
            _values[d] = end[d * M + m];
            if (double.IsNaN(_values[d])) return;
            _order[d] = d;
        }
        var better = _l.Metrics[m].Better;
        // Stable insertion sort, best first (D is small).
        for (int i = 1; i < D; i++)
        {
            int x = _order[i], j = i - 1;
            while (j >= 0 && Compare(better, _values[x], _values[_order[j]]) > 0) { _order[j + 1] = _order[j]; j--; }
            _order[j + 1] = x;
        }
        for (int s = 0; s < D;)
        {
            int e = s + 1;
            while (e < D && _values[_order[e]] == _values[_order[s]]) e++;
            long share = _unitsPerRank / (e - s);
            for (int g = s; g < e; g++)
                for (int rank = s; rank < e; rank++)
                    _rankUnits[(_order[g] * M + m) * D + rank] += share;
            s = e;
        }
        _rankN[m]++;
    }

    public IEnumerable<SummaryRow> Summary()
    {
        int M = _l.M;
        for (int d = 0; d < _l.D; d++)
            for (int m = 0; m < M; m++)
            {
                var mo = _moments[d * M + m];
                var sk = _sketches[d * M + m];
                var ci = mo.MeanConfidenceInterval(0.95);
                yield return new SummaryRow(_l.Designs[d], _l.Metrics[m], mo.Count, mo.Mean, mo.StandardDeviation, ci.Lower, ci.Upper,
                    sk.Quantile(0.05), sk.Quantile(0.50), sk.Quantile(0.95));
            }
    }

    public IEnumerable<PairedRow> Paired()
    {
        int M = _l.M;
        for (int p = 0; p < _pairs.Length; p++)
            for (int m = 0; m < M; m++)
            {
                int i = p * M + m;
                var ci = _diff[i].MeanConfidenceInterval(0.95);
                double prob = _pairN[i] > 0 ? _wins2[i] / (2.0 * _pairN[i]) : double.NaN;
                yield return new PairedRow(_l.Designs[_pairs[p].A], _l.Designs[_pairs[p].B], _l.Metrics[m], _pairN[i], _diff[i].Mean,
                    ci.Lower, ci.Upper, prob);
            }
    }

    public IEnumerable<RankRow> Ranks()
    {
        int D = _l.D, M = _l.M;
        for (int d = 0; d < D; d++)
            for (int m = 0; m < M; m++)
                for (int rank = 0; rank < D; rank++)
                {
                    long n = _rankN[m];
                    double share = n > 0 ? _rankUnits[(d * M + m) * D + rank] / ((double)_unitsPerRank * n) : double.NaN;
                    yield return new RankRow(_l.Designs[d], _l.Metrics[m], rank + 1, share);
                }
    }

    public IEnumerable<SeriesRow> Series()
    {
        for (int d = 0; d < _l.D; d++)
            for (int mo = 0; mo < _l.Months; mo++)
                for (int m = 0; m < _l.M; m++)
                {
                    var sk = _series[_l.SeriesIndex(d, mo, m)];
                    yield return new SeriesRow(_l.Designs[d], mo, _l.Metrics[m].Name,
                        sk.Quantile(0.05), sk.Quantile(0.25), sk.Quantile(0.50), sk.Quantile(0.75), sk.Quantile(0.95));
                }
    }

    public IEnumerable<TerritoryRow> Territories()
    {
        for (int d = 0; d < _l.D; d++)
            for (int t = 0; t < _l.T; t++)
                for (int mo = 0; mo < _l.Months; mo++)
                    for (int k = 0; k < _l.K; k++)
                    {
                        var sk = _territories[_l.TerritoryIndex(d, t, mo, k)];
                        yield return new TerritoryRow(_l.Designs[d], _l.Territories[t], mo, _l.TerritoryMetrics[k].Name,
                            sk.Quantile(0.05), sk.Quantile(0.50), sk.Quantile(0.95));
                    }
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
