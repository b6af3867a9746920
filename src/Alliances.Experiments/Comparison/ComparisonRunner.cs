using Alliances.Experiments.Scenarios;

namespace Alliances.Experiments.Comparison;

/// <summary>The aggregates of a finished comparison (summary, paired, ranks materialised; series computed on demand).</summary>
public sealed class ComparisonResults
{
    private readonly ComparisonAggregator _aggregator;

    public ComparisonResults(ComparisonAggregator aggregator)
    {
        _aggregator = aggregator;
        Summary = aggregator.Summary().ToArray();
        Paired = aggregator.Paired().ToArray();
        Ranks = aggregator.Ranks().ToArray();
    }

    public ComparisonLayout Layout => _aggregator.Layout;
    public long Replications => _aggregator.Count;
    public IReadOnlyList<SummaryRow> Summary { get; }
    public IReadOnlyList<PairedRow> Paired { get; }
    public IReadOnlyList<RankRow> Ranks { get; }
    public IEnumerable<SeriesRow> Series() => _aggregator.Series();
    public IEnumerable<TerritoryRow> Territories() => _aggregator.Territories();

    public SummaryRow SummaryOf(string design, string metric) => Summary.First(r => r.Design == design && r.Metric.Name == metric);
    public PairedRow PairedOf(string a, string b, string metric) => Paired.First(r => r.DesignA == a && r.DesignB == b && r.Metric.Name == metric);
}

/// <summary>In-process comparisons with no files: for benchmarks, tests and notebooks.</summary>
public static class ComparisonRunner
{
    /// <summary>
    /// Runs <paramref name="replications"/> replications of every design (default: the scenario's designs and its
    /// replication count) on <paramref name="threads"/> threads (default: all processors) and aggregates them in
    /// replication order. Results are identical for any thread count. Memory does not grow with R.
    /// </summary>
    public static ComparisonResults RunInMemory(Scenario scenario, IReadOnlyList<NamedDesign>? designs = null, int? replications = null,
        int? threads = null, CancellationToken cancellation = default)
        => RunInMemory(ComparisonSpec.Create(scenario, designs, replications), threads ?? Environment.ProcessorCount, null, cancellation);

    /// <summary>Runs the replications of <paramref name="spec"/>'s shard; <paramref name="onCommitted"/> sees each result in order.</summary>
    public static ComparisonResults RunInMemory(ComparisonSpec spec, int threads, Action<ReplicationResult>? onCommitted = null,
        CancellationToken cancellation = default)
    {
        var aggregator = new ComparisonAggregator(spec.Layout);
        OrderedParallelRunner.Run(spec.First, spec.End, threads,
            (r, ct) => ReplicationRunner.Run(spec, r, ct),
            (_, result) => { aggregator.Add(result); onCommitted?.Invoke(result); },
            cancellation);
        cancellation.ThrowIfCancellationRequested();
        return new ComparisonResults(aggregator);
    }
}
