namespace Alliances.Analysis.Discovery;

/// <summary>The peeling trajectory of a PRIM run (box 0 = the declared bounds) and, if requested, the pasted last box.</summary>
public sealed class PrimResult
{
    internal PrimResult(IReadOnlyList<PrimBox> trajectory, PrimBox? pasted, string[] names, double[] low, double[] high, int points, int cases)
    {
        Trajectory = trajectory;
        PastedBox = pasted;
        Names = names;
        BoundsLow = low;
        BoundsHigh = high;
        Points = points;
        TotalCases = cases;
    }

    /// <summary>Boxes in peeling order: coverage non-increasing, density strictly increasing.</summary>
    public IReadOnlyList<PrimBox> Trajectory { get; }

    /// <summary>The last peeled box after pasting (null unless <see cref="PrimOptions.Paste"/>).</summary>
    public PrimBox? PastedBox { get; }

    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<double> BoundsLow { get; }
    public IReadOnlyList<double> BoundsHigh { get; }
    public int Points { get; }
    public int TotalCases { get; }

    /// <summary>The last (densest) peeled box.</summary>
    public PrimBox Last => Trajectory[^1];

    /// <summary>
    /// The box of highest density among trajectory boxes with coverage ≥ <paramref name="minCoverage"/>
    /// (ties: the higher coverage); box 0 if none qualifies.
    /// </summary>
    public PrimBox SelectByCoverage(double minCoverage = 0.8)
    {
        PrimBox best = Trajectory[0];
        foreach (var box in Trajectory)
        {
            if (box.Coverage < minCoverage) continue;
            if (box.Density > best.Density || (box.Density == best.Density && box.Coverage > best.Coverage)) best = box;
        }
        return best;
    }

    /// <summary>
    /// A knee of the coverage-density trade-off: with coverage and density rescaled to [0, 1] over the trajectory,
    /// the box closest (Euclidean) to the ideal point (highest coverage, highest density) — the compromise solution
    /// of Zeleny (1973); ties go to the denser box. When one box is best on both criteria it is returned.
    /// </summary>
    public PrimBox SelectKnee()
    {
        double cMin = Trajectory.Min(b => b.Coverage), cMax = Trajectory.Max(b => b.Coverage);
        double dMin = Trajectory.Min(b => b.Density), dMax = Trajectory.Max(b => b.Density);
        double cr = cMax > cMin ? cMax - cMin : 1, dr = dMax > dMin ? dMax - dMin : 1;
        PrimBox best = Last;
        double bestDist = double.PositiveInfinity;
        foreach (var box in Trajectory)
        {
            double dc = (cMax - box.Coverage) / cr, dd = (dMax - box.Density) / dr;
            double dist = Math.Sqrt(dc * dc + dd * dd);
            if (dist < bestDist || (dist == bestDist && box.Density > best.Density))
            {
                bestDist = dist;
                best = box;
            }
        }
        return best;
    }
}
