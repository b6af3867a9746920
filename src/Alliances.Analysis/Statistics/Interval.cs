namespace Alliances.Analysis.Statistics;

/// <summary>A closed interval [Lower, Upper] (confidence intervals; NaN bounds when undefined).</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    public double Width => Upper - Lower;
    public bool Contains(double x) => x >= Lower && x <= Upper;
}
