using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// A local territory (usually an MRC) as input data (brief §3 "Local-territory attributes").
/// All attributes except population are on [0, 1].
/// </summary>
public sealed record TerritorySpec
{
    public string Name { get; init; } = "";
    public int Population { get; init; } = 40_000;
    /// <summary>IDMS material and social deprivation (report L437).</summary>
    public double Deprivation { get; init; } = 0.5;
    /// <summary>Density; remoteness is 1 − density (report L2601-2603, L4385-4389).</summary>
    public double Density { get; init; } = 0.5;
    /// <summary>Staff, animators, MRC staff, other funds (report L5549-5550, L6051-6053).</summary>
    public double Resources { get; init; } = 0.5;
    /// <summary>Know-how on poverty action and concertation (report L113-115, L239-242).</summary>
    public double Expertise { get; init; } = 0.5;
    /// <summary>Initial stock of organisations, ties and capacity (seed 002).</summary>
    public double CommunityCapital { get; init; } = 0.5;
    /// <summary>Years and quality of local concertation (seed 001, seed 000).</summary>
    public double ConcertationHistory { get; init; } = 0.5;
    /// <summary>Prior citizen-participation practice (report L2576-2580).</summary>
    public double ParticipationCulture { get; init; } = 0.5;
}

/// <summary>Region-level attributes (brief §3 "Region attributes").</summary>
public sealed record RegionSpec
{
    public string Name { get; init; } = "region";
    public IReadOnlyList<TerritorySpec> Territories { get; init; } = [];
    /// <summary>Pre-existing regional concertation (report L5084-5086, L6264-6268).</summary>
    public double PriorRegionalConcertation { get; init; } = 0.5;
    /// <summary>Leaders carried over from 2010-2015 (report L5317-5320).</summary>
    public double LeaderContinuity { get; init; } = 0.5;
    /// <summary>History of relations between elected officials and social-development partners; 1 = good (report L6690-6691).</summary>
    public double ElectedPartnerRelations { get; init; } = 0.5;
    /// <summary>Density of regional partners and philanthropy (report L6042-6043, L6662-6666).</summary>
    public double PartnerDensity { get; init; } = 0.5;
    /// <summary>Experience in the fight against poverty (report L281-288).</summary>
    public double LpesExperience { get; init; } = 0.5;
    /// <summary>FQIS envelope of the region for the edition, in dollars.</summary>
    public double Envelope { get; init; } = 7_000_000;
}

/// <summary>Distributions of the synthetic region generator; every default is an assumption [A] (brief X4, X5).</summary>
public sealed record RegionGeneratorSpec
{
    public int Territories { get; init; } = 10;
    /// <summary>Log-normal population: median and log-sd.</summary>
    public double PopulationMedian { get; init; } = 35_000;
    public double PopulationLogSd { get; init; } = 0.7;
    /// <summary>Mean of the Beta draws of deprivation, resources, expertise...; concentration 6 (sd ≈ 0.19 at mean 0.5).</summary>
    public double DeprivationMean { get; init; } = 0.5;
    public double ResourcesMean { get; init; } = 0.5;
    public double HistoryMean { get; init; } = 0.55;
    public double BetaConcentration { get; init; } = 6;
    /// <summary>Correlation between density and resources: large cities and staffed MRCs do better (report L6051-6053).</summary>
    public double DensityResourceLink { get; init; } = 0.5;
    public double Envelope { get; init; } = 7_000_000;
    /// <summary>Ranges of region-level attributes, drawn uniformly per replication.</summary>
    public double RegionalAttributeLow { get; init; } = 0.2;
    public double RegionalAttributeHigh { get; init; } = 0.8;
}

/// <summary>
/// Synthetic regions with documented distributions: population log-normal; density Beta, then resources,
/// expertise and community capital correlated with density; deprivation Beta, negatively linked to resources.
/// </summary>
public static class RegionGenerator
{
    public const int MinTerritories = 3;
    public const int MaxTerritories = 20;

    public static RegionSpec Generate(RegionGeneratorSpec spec, ref Xoshiro256 rng)
    {
        if (spec.Territories is < MinTerritories or > MaxTerritories)
            throw new ArgumentOutOfRangeException(nameof(spec), $"territories must be within {MinTerritories}..{MaxTerritories}");
        double k = spec.BetaConcentration;
        var list = new TerritorySpec[spec.Territories];
        for (int t = 0; t < list.Length; t++)
        {
            double density = rng.Beta(1.6, 2.4);
            double link = spec.DensityResourceLink;
            double resources = Clamp01((1 - link) * Beta(ref rng, spec.ResourcesMean, k) + link * density + 0.25 * link * (rng.NextDouble() - 0.5));
            double expertise = Clamp01(0.6 * resources + 0.4 * Beta(ref rng, 0.5, k));
            double capital = Clamp01(0.5 * resources + 0.5 * Beta(ref rng, 0.5, k));
            double deprivation = Clamp01(0.7 * Beta(ref rng, spec.DeprivationMean, k) + 0.3 * (1 - resources));
            double pop = spec.PopulationMedian * Math.Exp(spec.PopulationLogSd * rng.NextGaussian()) * (0.6 + 0.8 * density);
            list[t] = new TerritorySpec
            {
                Name = $"T{t + 1:00}",
                Population = (int)Math.Round(Math.Clamp(pop, 3_000, 2_000_000)),
                Deprivation = deprivation,
                Density = density,
                Resources = resources,
                Expertise = expertise,
                CommunityCapital = capital,
                ConcertationHistory = Beta(ref rng, spec.HistoryMean, k),
                ParticipationCulture = Beta(ref rng, 0.45, k),
            };
        }
        double lo = spec.RegionalAttributeLow, hi = spec.RegionalAttributeHigh;
        return new RegionSpec
        {
            Name = "synthetic",
            Territories = list,
            PriorRegionalConcertation = rng.Uniform(lo, hi),
            LeaderContinuity = rng.Uniform(lo, hi),
            ElectedPartnerRelations = rng.Uniform(lo, hi),
            PartnerDensity = rng.Uniform(lo, hi),
            LpesExperience = rng.Uniform(lo, hi),
            Envelope = spec.Envelope,
        };
    }

    private static double Beta(ref Xoshiro256 rng, double mean, double concentration)
    {
        mean = Math.Clamp(mean, 0.02, 0.98);
        return rng.Beta(mean * concentration, (1 - mean) * concentration);
    }

    private static double Clamp01(double x) => Math.Clamp(x, 0.0, 1.0);
}
