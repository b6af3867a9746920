using Alliances.Model;
using Alliances.Rng;

namespace Alliances.Experiments.Scenarios;

/// <summary>
/// Draws the concrete inputs of one replication from a scenario: the region from the (seed, replication, Region) stream
/// and the uncertain parameters from the (seed, replication, Parameters) stream. Designs are not part of the key, so
/// every design compared on replication r sees the same region and parameter values (common random numbers).
/// </summary>
public static class ReplicationInputs
{
    /// <summary>The seed of replication r, as written in runs.csv (the key from which its streams derive).</summary>
    public static ulong ReplicationSeed(ulong seed, long replication) => Streams.Key(seed, replication, Purpose.Region);

    public static RunInputs Draw(Scenario scenario, long replication)
    {
        var regionRng = Streams.Create(scenario.Seed, replication, Purpose.Region);
        var region = scenario.Region.Region ?? RegionGenerator.Generate(scenario.Region.Generator, ref regionRng);
        var parameters = new Parameters();
        var paramRng = Streams.Create(scenario.Seed, replication, Purpose.Parameters);
        // Parameters are drawn in registry order, one uniform each, so adding a distribution to one parameter
        // never changes the draws of another.
        foreach (var def in P.All)
        {
            double u = paramRng.NextDouble();
            if (!scenario.Parameters.TryGetValue(def.Name, out var dist)) continue;
            double v = dist.Kind switch
            {
                DistributionKind.Fixed => dist.A,
                DistributionKind.Uniform => dist.A + (dist.B - dist.A) * u,
                DistributionKind.Triangular => Triangular(u, dist.A, dist.B, dist.C),
                DistributionKind.Normal => Math.Clamp(dist.A + dist.B * MathNet.Numerics.SpecialFunctions.ErfInv(2 * u - 1) * Math.Sqrt(2), def.Low, def.High),
                _ => def.Default,
            };
            parameters[def] = def.IsInteger ? Math.Round(v) : v;
        }
        return new RunInputs(region, parameters, scenario.Shocks, scenario.Edition);
    }

    private static double Triangular(double u, double a, double c, double b)
    {
        double f = (c - a) / (b - a);
        return u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
    }
}
