namespace Alliances.Analysis.Discovery;

/// <summary>The limits of one restricted dimension of a PRIM box.</summary>
/// <param name="Restriction">1 - (Upper - Lower) / (bound range): 0 for an unrestricted dimension, near 1 for a narrow one.</param>
public sealed record DimensionLimit(
    int Index, string Name, double Lower, double Upper,
    bool LowerRestricted, bool UpperRestricted, double Restriction);

/// <summary>
/// One box of a PRIM trajectory: a point x is inside when Lower[i] ≤ x_i ≤ Upper[i] for every dimension i.
/// Coverage = cases of interest inside / all cases of interest; Density = cases inside / points inside;
/// Mass (support) = points inside / all points.
/// </summary>
public sealed record PrimBox(
    int Step, double[] Lower, double[] Upper,
    int Points, int Cases, double Coverage, double Density, double Mass,
    IReadOnlyList<DimensionLimit> Limits, bool Pasted)
{
    /// <summary>Number of dimensions whose limits differ from the declared bounds.</summary>
    public int RestrictedDimensions => Limits.Count;

    /// <summary>Names of the restricted dimensions, most restricted first (Bryant and Lempert's "dimensions that matter").</summary>
    public IReadOnlyList<string> DimensionsThatMatter =>
        Limits.OrderByDescending(l => l.Restriction).ThenBy(l => l.Index).Select(l => l.Name).ToArray();

    public bool Contains(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < Lower.Length; i++)
            if (!(x[i] >= Lower[i] && x[i] <= Upper[i])) return false;
        return true;
    }
}
