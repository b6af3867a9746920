using Alliances.Model;
using Alliances.Rng;

namespace Alliances.Benchmarks;

/// <summary>
/// The standard benchmark region: the default synthetic generator (10 territories) drawn from the (seed, replication,
/// Region) stream, with default parameters, the default shocks (pandemic) and the 72-month edition.
/// </summary>
public static class StandardRegion
{
    public const ulong Seed = 20180401;
    public const long Replication = 0;

    public static RunInputs Inputs(long replication = Replication)
    {
        var rng = Streams.Create(Seed, replication, Purpose.Region);
        var region = RegionGenerator.Generate(new RegionGeneratorSpec(), ref rng);
        return new RunInputs(region, new Parameters(), new ShockSpec(), new EditionSpec());
    }

    public static Levers Design(string name) => Designs.Presets[name];

    /// <summary>Number of agents of the standard region under a design (the agent population does not depend on it).</summary>
    public static int Agents(string design) => new Simulation(Inputs(), Design(design), Seed, Replication).World.N;
}
