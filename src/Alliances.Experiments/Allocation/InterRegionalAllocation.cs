namespace Alliances.Experiments.Allocation;

/// <summary>
/// One region as an input of the allocation of the programme's budget between regions (brief §1 "The money", L17).
/// </summary>
/// <param name="Name">Region name (unique).</param>
/// <param name="PreviousAllocationCents">Its 2010-2015 allocation, in cents (≥ 0).</param>
/// <param name="Population">Population (&gt; 0), the weight of the deprivation index.</param>
/// <param name="Deprivation">
/// IDMS, the material and social deprivation index (report L437), as a non-negative intensity: e.g. the share of the
/// region's population living in the two most deprived IDMS quintiles, or a regional index scaled to [0, 1]. The IDMS
/// weight of a region is <c>Population × Deprivation</c> (its "deprived population"); the report does not give the exact
/// index values or population weighting (brief §1) [A].
/// </param>
/// <param name="Density">Population density (inhabitants per km², &gt; 0).</param>
public sealed record RegionAllocationInput(string Name, long PreviousAllocationCents, double Population, double Deprivation, double Density)
{
    /// <summary>The IDMS weight: population × deprivation.</summary>
    public double IdmsWeight => Population * Deprivation;
}

/// <summary>A rule that shares a budget between regions. Implementations are pure: same inputs, same amounts.</summary>
public interface IInterRegionalAllocationRule
{
    /// <summary>Name used in scenario files ("rule").</summary>
    string Name { get; }

    /// <summary>One-line description with its source.</summary>
    string Description { get; }

    /// <summary>
    /// Amounts in cents, one per region in input order, non-negative and summing exactly to <paramref name="budgetCents"/>.
    /// Throws <see cref="ArgumentException"/> on invalid inputs.
    /// </summary>
    long[] Allocate(IReadOnlyList<RegionAllocationInput> regions, long budgetCents);
}

/// <summary>How the density part of the as-is rule weighs regions [A]: the report says "according to population density"
/// (report L435-438) without the direction.</summary>
public enum DensityWeighting
{
    /// <summary>Weight 1 / density: sparse, remote regions receive more (their concertation and outreach cost more;
    /// report L2601-2603, L4385-4389). The default [A].</summary>
    Inverse,
    /// <summary>Weight proportional to density.</summary>
    Direct,
}

/// <summary>
/// The 2017-2023 rule (report L435-438): each region first receives its 2010-2015 allocation raised by
/// <see cref="Uplift"/> (20 %); the balance is shared <see cref="DeprivationShare"/> (95 %) in proportion to the IDMS
/// weight (population × deprivation) and the rest (5 %) by density (<see cref="Density"/>). When the uplifted bases
/// exceed the budget, the budget is shared in proportion to the bases and no balance remains (documented choice [A]).
/// </summary>
public sealed class AsIsAllocationRule : IInterRegionalAllocationRule
{
    public const string RuleName = "asIs";

    public double Uplift { get; init; } = 0.20;
    public double DeprivationShare { get; init; } = 0.95;
    public DensityWeighting Density { get; init; } = DensityWeighting.Inverse;

    public string Name => RuleName;

    public string Description =>
        $"2010-2015 allocation + {Uplift * 100:0.##} %, then the balance {DeprivationShare * 100:0.##} % by IDMS weight (population × deprivation) "
        + $"and {(1 - DeprivationShare) * 100:0.##} % by {(Density == DensityWeighting.Inverse ? "inverse " : "")}density (report L435-438)";

    public long[] Allocate(IReadOnlyList<RegionAllocationInput> regions, long budgetCents)
    {
        InterRegionalAllocation.Check(regions, budgetCents);
        if (!(Uplift >= 0) || !(DeprivationShare is >= 0 and <= 1))
            throw new ArgumentException("uplift must be ≥ 0 and the deprivation share within [0, 1]");
        int n = regions.Count;
        var bases = new double[n];
        double baseTotal = 0;
        for (int i = 0; i < n; i++) { bases[i] = regions[i].PreviousAllocationCents * (1 + Uplift); baseTotal += bases[i]; }
        if (baseTotal >= budgetCents)
            return InterRegionalAllocation.Distribute(budgetCents, bases);

        // Step 1: the uplifted bases, in whole cents (largest remainder over the bases' total, rounded down).
        long baseCents = (long)Math.Floor(baseTotal);
        var result = InterRegionalAllocation.Distribute(baseCents, bases);
        // Step 2: the balance, 95 % by IDMS weight, 5 % by density.
        long balance = budgetCents - baseCents;
        long byDeprivation = (long)Math.Round(balance * DeprivationShare, MidpointRounding.AwayFromZero);
        long byDensity = balance - byDeprivation;
        var idms = regions.Select(r => r.IdmsWeight).ToArray();
        var density = regions.Select(r => Density == DensityWeighting.Inverse ? 1.0 / r.Density : r.Density).ToArray();
        var a = InterRegionalAllocation.Distribute(byDeprivation, idms);
        var b = InterRegionalAllocation.Distribute(byDensity, density);
        for (int i = 0; i < n; i++) result[i] += a[i] + b[i];
        return result;
    }
}

/// <summary>
/// An alternative rule (brief L17 "alternatives" [A]): the whole budget in proportion to the IDMS weight
/// (population × deprivation), ignoring the historical allocations and density.
/// </summary>
public sealed class PerCapitaDeprivationRule : IInterRegionalAllocationRule
{
    public const string RuleName = "perCapitaDeprivation";
    public string Name => RuleName;
    public string Description => "the whole budget in proportion to population × deprivation (IDMS weight), ignoring history and density [A]";

    public long[] Allocate(IReadOnlyList<RegionAllocationInput> regions, long budgetCents)
    {
        InterRegionalAllocation.Check(regions, budgetCents);
        return InterRegionalAllocation.Distribute(budgetCents, regions.Select(r => r.IdmsWeight).ToArray());
    }
}

/// <summary>Entry points and helpers of the inter-regional allocation (brief §1 "The money"; lever L17).</summary>
public static class InterRegionalAllocation
{
    /// <summary>The rules a scenario can name, by <see cref="IInterRegionalAllocationRule.Name"/> (case-insensitive).</summary>
    public static IReadOnlyList<IInterRegionalAllocationRule> Rules { get; } = [new AsIsAllocationRule(), new PerCapitaDeprivationRule()];

    public static IInterRegionalAllocationRule? FindRule(string name) =>
        Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Dollars to cents, rounded half away from zero.</summary>
    public static long Cents(double dollars) => (long)Math.Round(dollars * 100, MidpointRounding.AwayFromZero);

    /// <summary>The amount of one named region under <paramref name="rule"/>.</summary>
    public static long AmountOf(IInterRegionalAllocationRule rule, IReadOnlyList<RegionAllocationInput> regions, long budgetCents, string region)
    {
        int i = regions.ToList().FindIndex(r => r.Name == region);
        if (i < 0) throw new ArgumentException($"region '{region}' is not in the list");
        return rule.Allocate(regions, budgetCents)[i];
    }

    internal static void Check(IReadOnlyList<RegionAllocationInput> regions, long budgetCents)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0) throw new ArgumentException("at least one region is needed");
        if (budgetCents < 0) throw new ArgumentException("the budget cannot be negative");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            if (!names.Add(r.Name)) throw new ArgumentException($"duplicate region '{r.Name}'");
            if (r.PreviousAllocationCents < 0) throw new ArgumentException($"region '{r.Name}': the previous allocation cannot be negative");
            if (!(r.Population > 0) || !double.IsFinite(r.Population)) throw new ArgumentException($"region '{r.Name}': population must be positive");
            if (!(r.Deprivation >= 0) || !double.IsFinite(r.Deprivation)) throw new ArgumentException($"region '{r.Name}': deprivation must be ≥ 0");
            if (!(r.Density > 0) || !double.IsFinite(r.Density)) throw new ArgumentException($"region '{r.Name}': density must be positive");
        }
    }

    /// <summary>
    /// Splits <paramref name="amount"/> cents in proportion to <paramref name="weights"/> by the largest-remainder method
    /// (ties to the lower index): the parts are non-negative and sum exactly to the amount. All-zero weights share equally.
    /// </summary>
    public static long[] Distribute(long amount, IReadOnlyList<double> weights)
    {
        int n = weights.Count;
        var into = new long[n];
        if (n == 0 || amount == 0) return into;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!(weights[i] >= 0) || !double.IsFinite(weights[i])) throw new ArgumentException("weights must be finite and non-negative");
            sum += weights[i];
        }
        var w = new double[n];
        for (int i = 0; i < n; i++) w[i] = sum > 0 ? weights[i] / sum : 1.0 / n;
        var remainder = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++)
        {
            double exact = amount * w[i];
            long floor = (long)Math.Floor(exact);
            into[i] = floor;
            remainder[i] = exact - floor;
            given += floor;
        }
        long left = amount - given;
        // Floating-point error can make the floors overshoot by a cent or two; take them back from the smallest remainders.
        while (left < 0)
        {
            int worst = -1;
            for (int i = 0; i < n; i++) if (into[i] > 0 && (worst < 0 || remainder[i] < remainder[worst])) worst = i;
            into[worst]--; remainder[worst] += 1; left++;
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => remainder[i]).ThenBy(i => i).ToArray();
        for (int k = 0; left > 0; k = (k + 1) % n) { into[order[k]]++; left--; }
        return into;
    }
}
