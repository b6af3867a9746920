namespace Alliances.Rng;

/// <summary>
/// The purposes a random stream can serve. Each stochastic sub-process draws from its own stream so that one
/// design drawing more numbers in one process never shifts the numbers another process sees.
/// Values are part of the stream key: never renumber an existing member (append new ones).
/// </summary>
public enum Purpose : ulong
{
    Region = 1,          // territories and their attributes
    Parameters = 2,      // uncertain parameter draws of a replication
    Agents = 3,          // initial agent attributes
    Shocks = 4,          // exogenous event timing
    Meetings = 5,        // attendance
    Mobilization = 6,    // exits and re-entries
    Projects = 7,        // project generation
    Selection = 8,       // ratification and overrides
    Execution = 9,       // project success
    Experts = 10,        // participation ladder
    Elections = 11,      // municipal turnover (assumption)
    Reporting = 12,      // labelling noise
    Sampling = 100,      // experiment designs (Latin hypercube, bootstrap...)
    Bootstrap = 101,
    Workshop = 102,
}

/// <summary>
/// Stream factory: a stream is a pure function of (master seed, replication, purpose[, entity]).
/// The design is deliberately NOT part of the key (common random numbers): designs compared on one
/// replication see the same region, parameter draws and shocks.
/// </summary>
public static class Streams
{
    public static ulong Key(ulong seed, long replication, Purpose purpose, long entity = 0)
    {
        ulong h = SplitMix64.Mix(0x5EED_A11A_0CE5_2018UL, seed);
        h = SplitMix64.Mix(h, unchecked((ulong)replication));
        h = SplitMix64.Mix(h, (ulong)purpose);
        h = SplitMix64.Mix(h, unchecked((ulong)entity));
        return h;
    }

    public static Xoshiro256 Create(ulong seed, long replication, Purpose purpose, long entity = 0)
        => new(Key(seed, replication, purpose, entity));
}
