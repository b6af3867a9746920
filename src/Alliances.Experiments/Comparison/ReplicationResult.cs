using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// Everything one replication produced for every design: end metrics (double), and the monthly region and territory
/// series (stored as float: the journal keeps them at that precision and every aggregate, live or replayed, is computed
/// from exactly these values).
/// </summary>
public sealed class ReplicationResult
{
    public ReplicationResult(long replication, ulong replicationSeed, double[] end, float[] series, float[] territories)
    {
        Replication = replication;
        ReplicationSeed = replicationSeed;
        End = end;
        Series = series;
        Territories = territories;
    }

    public long Replication { get; }
    public ulong ReplicationSeed { get; }
    /// <summary>D × M, design-major.</summary>
    public double[] End { get; }
    /// <summary>D × Months × M (see <see cref="ComparisonLayout.SeriesIndex"/>).</summary>
    public float[] Series { get; }
    /// <summary>D × T × Months × K (see <see cref="ComparisonLayout.TerritoryIndex"/>).</summary>
    public float[] Territories { get; }

    public ReadOnlySpan<double> EndOf(int design, int metricCount) => End.AsSpan(design * metricCount, metricCount);
}

/// <summary>Runs one replication: draws its inputs once and runs every design on them (common random numbers).</summary>
public static class ReplicationRunner
{
    public static ReplicationResult Run(ComparisonSpec spec, long replication, CancellationToken cancellation = default)
    {
        var layout = spec.Layout;
        var inputs = ReplicationInputs.Draw(spec.Scenario, replication);
        if (inputs.Region.Territories.Count != layout.T)
            throw new InvalidOperationException($"replication {replication} drew {inputs.Region.Territories.Count} territories, expected {layout.T}");
        int M = layout.M, K = layout.K, months = layout.Months;
        var end = new double[layout.D * M];
        var series = new float[layout.D * layout.SeriesPerDesign];
        var territories = new float[layout.D * layout.TerritoryPerDesign];
        Span<double> tm = stackalloc double[K];
        for (int d = 0; d < layout.D; d++)
        {
            var sim = new Simulation(inputs, spec.Designs[d].Levers, spec.Seed, replication);
            var w = sim.World;
            while (!sim.Finished)
            {
                cancellation.ThrowIfCancellationRequested();
                int month = w.Month;
                sim.Step();
                if (month >= months) continue;
                var region = sim.RegionMetrics;
                int s0 = layout.SeriesIndex(d, month, 0);
                for (int m = 0; m < M; m++) series[s0 + m] = (float)region[m];
                for (int t = 0; t < layout.T; t++)
                {
                    MetricsCalculator.Territory(w, t, tm);
                    int t0 = layout.TerritoryIndex(d, t, month, 0);
                    for (int k = 0; k < K; k++) territories[t0 + k] = (float)tm[k];
                }
            }
            sim.RegionMetrics.CopyTo(end.AsSpan(d * M, M));
        }
        return new ReplicationResult(replication, ReplicationInputs.ReplicationSeed(spec.Seed, replication), end, series, territories);
    }
}
