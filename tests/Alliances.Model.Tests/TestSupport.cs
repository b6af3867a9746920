using Alliances.Rng;

namespace Alliances.Model.Tests;

/// <summary>Shared helpers: standard synthetic regions, batches of paired runs and paired statistics.</summary>
internal static class TestSupport
{
    /// <summary>Master seed of every statistical test (fixed: the tests are deterministic).</summary>
    public const ulong Seed = 20240611;

    /// <summary>The region of replication r, drawn from the (seed, r, Region) stream with the default generator.</summary>
    public static RegionSpec Region(ulong seed, long replication, int territories = 10)
    {
        var rng = Streams.Create(seed, replication, Purpose.Region);
        return RegionGenerator.Generate(new RegionGeneratorSpec { Territories = territories }, ref rng);
    }

    public static RunInputs Inputs(ulong seed, long replication, ShockSpec? shocks = null, EditionSpec? edition = null,
        Parameters? parameters = null, int territories = 10)
        => new(Region(seed, replication, territories), parameters ?? new Parameters(), shocks ?? new ShockSpec(), edition ?? new EditionSpec());

    /// <summary>
    /// End metrics of replications 0..R-1 of one design (same seed, so designs compared on the same replication see the
    /// same region and agents: common random numbers). Runs in parallel; results are written by index.
    /// </summary>
    public static double[][] EndMetrics(Levers levers, int replications, ShockSpec? shocks = null, Action<Parameters>? tune = null,
        ulong seed = Seed)
    {
        var result = new double[replications][];
        Parallel.For(0, replications, r =>
        {
            var parameters = new Parameters();
            tune?.Invoke(parameters);
            result[r] = Simulation.RunToEnd(Inputs(seed, r, shocks, parameters: parameters), levers, seed, r);
        });
        return result;
    }

    /// <summary>Monthly region metrics of replications 0..R-1: result[r][month * MetricCatalog.Count + metric].</summary>
    public static double[][] MonthlySeries(Levers levers, int replications, ShockSpec? shocks = null, ulong seed = Seed)
    {
        var result = new double[replications][];
        Parallel.For(0, replications, r =>
        {
            var recorder = new SeriesRecorder();
            Simulation.RunToEnd(Inputs(seed, r, shocks), levers, seed, r, recorder);
            result[r] = recorder.Values.ToArray();
        });
        return result;
    }

    public static double At(double[] series, int month, int metric) => series[month * MetricCatalog.Count + metric];

    /// <summary>Random lever vector: every enum uniformly, numeric levers uniformly within their documented ranges.</summary>
    public static Levers RandomLevers(ref Xoshiro256 rng) => new()
    {
        DecisionBody = Pick<DecisionBody>(ref rng),
        RegionalTable = rng.Bernoulli(0.5),
        TableHasElected = rng.Bernoulli(0.5),
        TableHasLocalConcertations = rng.Bernoulli(0.5),
        TableHasSectoralPartners = rng.Bernoulli(0.5),
        TableHasExperts = rng.Bernoulli(0.5),
        PartnerRole = Pick<PartnerRole>(ref rng),
        StrategicDevice = Pick<StrategicDevice>(ref rng),
        // 0 % is observed (co-funding), 25 % the highest observed share, 35-40 % Montréal.
        RegionalShare = rng.Bernoulli(0.15) ? 0.0 : rng.Uniform(0.0, 0.4),
        RegionalCoFunding = rng.Bernoulli(0.5),
        PlanningRequirement = Pick<PlanningRequirement>(ref rng),
        LocalDecision = Pick<LocalDecisionPath>(ref rng),
        ManagementMode = Pick<ManagementMode>(ref rng),
        LocalSplit = Pick<LocalSplit>(ref rng),
        GenerationMode = Pick<GenerationMode>(ref rng),
        LocalOnlyTolerance = rng.NextDouble(),
        ProjectDurationMonths = 12 + rng.NextInt(25), // 1 to 3 years
        CoordinationShare = rng.Uniform(0.0, 0.15),
        Pooling = Pick<Pooling>(ref rng),
        Coordination = Pick<CoordinationMode>(ref rng),
        WeakTerritorySupport = rng.NextDouble(),
        PracticeCommunity = Pick<PracticeCommunity>(ref rng),
        LocalMobilisationStaff = rng.Bernoulli(0.5),
        RespondentSeniority = Pick<RespondentSeniority>(ref rng),
        MinistryAccompaniment = Pick<MinistryAccompaniment>(ref rng),
        DirectiveStrength = rng.NextDouble(),
        EvaluationSupport = rng.Bernoulli(0.5),
        ExpertsOnLocalTables = rng.Bernoulli(0.5),
        ExpertsPerBody = 1 + rng.NextInt(3),
        PeerCommittee = rng.Bernoulli(0.5),
        PeerCommitteeSize = 4 + rng.NextInt(9),
        Allowance = Pick<Allowance>(ref rng),
        ExpertAccompaniment = Pick<ExpertAccompaniment>(ref rng),
        ExpertDecisionRule = Pick<ExpertDecisionRule>(ref rng),
    };

    private static T Pick<T>(ref Xoshiro256 rng) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[rng.NextInt(values.Length)];
    }

    /// <summary>The shock variants every invariant is checked under.</summary>
    public static IEnumerable<(string Name, ShockSpec Shocks, EditionSpec Edition)> ShockVariants()
    {
        yield return ("pandemic", new ShockSpec(), new EditionSpec());
        yield return ("no-shock", new ShockSpec { Pandemic = false }, new EditionSpec());
        yield return ("gap", new ShockSpec { FundingGap = true }, new EditionSpec());
        yield return ("gap+bridging", new ShockSpec { FundingGap = true, BridgingShare = 0.5 }, new EditionSpec());
        yield return ("extension", new ShockSpec(), new EditionSpec { ExtensionMonths = 12 });
        yield return ("gap+bridging+extension+elections",
            new ShockSpec { FundingGap = true, BridgingShare = 0.5, Elections = true, ElectionMonths = [19, 43, 67] },
            new EditionSpec { ExtensionMonths = 12 });
    }
}

/// <summary>Records every month's region metrics (the observer must copy: spans are not kept).</summary>
internal sealed class SeriesRecorder : IMonthObserver
{
    public List<double> Values { get; } = [];
    public int Months { get; private set; }

    public void OnMonth(World world, int month, ReadOnlySpan<double> regionMetrics)
    {
        Assert.Equal(Months, month);
        foreach (double v in regionMetrics) Values.Add(v);
        Months++;
    }
}

/// <summary>Mean and standard error of paired differences.</summary>
internal readonly record struct Paired(double Mean, double StandardError, double MeanA, double MeanB, int N)
{
    public double Z => StandardError > 0 ? Mean / StandardError : double.PositiveInfinity * Math.Sign(Mean);

    public static Paired Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        Assert.Equal(n, b.Count);
        double mean = 0, ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { mean += a[i] - b[i]; ma += a[i]; mb += b[i]; }
        mean /= n; ma /= n; mb /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) { double d = a[i] - b[i] - mean; ss += d * d; }
        double se = Math.Sqrt(ss / (n - 1) / n);
        return new Paired(mean, se, ma, mb, n);
    }

    public static Paired Of(double[][] a, double[][] b, int metric)
        => Of(a.Select(x => x[metric]).ToArray(), b.Select(x => x[metric]).ToArray());

    public override string ToString() => $"A={MeanA:F4} B={MeanB:F4} diff={Mean:F4} se={StandardError:F4} z={Z:F1} (n={N})";

    /// <summary>Asserts the mean paired difference A − B exceeds zero by more than <paramref name="z"/> standard errors.</summary>
    public void AssertPositive(string what, double z = 2.0)
        => Assert.True(Mean > z * StandardError && Mean > 0, $"{what}: expected A − B > {z} SE; {this}");
}
