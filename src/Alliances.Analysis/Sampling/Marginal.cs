using MathNet.Numerics.Distributions;

namespace Alliances.Analysis.Sampling;

/// <summary>
/// A one-dimensional input distribution used to map unit-hypercube samples to model inputs by its inverse CDF
/// (quantile function): x = F^-1(u). Unit samples in [0, 1) keep their stratification (LHS) or low-discrepancy
/// (Sobol) structure under this monotone map. Unbounded distributions map u = 0 to -infinity: Sobol designs skip the
/// origin by default for that reason.
/// </summary>
public abstract record Marginal
{
    /// <summary>F^-1(u) for u in [0, 1].</summary>
    public abstract double Quantile(double u);

    public static Marginal Uniform(double low, double high) => new UniformMarginal(low, high);
    public static Marginal Normal(double mean, double standardDeviation) => new NormalMarginal(mean, standardDeviation);
    public static Marginal Triangular(double lower, double mode, double upper) => new TriangularMarginal(lower, mode, upper);
    public static Marginal Beta(double alpha, double beta, double low = 0, double high = 1) => new BetaMarginal(alpha, beta, low, high);
}

/// <summary>Uniform on [Low, High]: Low + u (High - Low).</summary>
public sealed record UniformMarginal : Marginal
{
    public UniformMarginal(double low, double high)
    {
        if (!(high >= low)) throw new ArgumentException("high must be ≥ low");
        Low = low;
        High = high;
    }

    public double Low { get; }
    public double High { get; }
    public override double Quantile(double u) => Low + u * (High - Low);
}

/// <summary>Normal(mean, sd) via MathNet's <see cref="Normal.InvCDF"/>.</summary>
public sealed record NormalMarginal : Marginal
{
    public NormalMarginal(double mean, double standardDeviation)
    {
        if (!(standardDeviation > 0)) throw new ArgumentException("standard deviation must be positive");
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    public double Mean { get; }
    public double StandardDeviation { get; }
    public override double Quantile(double u) => MathNet.Numerics.Distributions.Normal.InvCDF(Mean, StandardDeviation, u);
}

/// <summary>Triangular(lower, mode, upper) via MathNet's <see cref="Triangular.InvCDF"/>.</summary>
public sealed record TriangularMarginal : Marginal
{
    public TriangularMarginal(double lower, double mode, double upper)
    {
        if (!(lower <= mode && mode <= upper && lower < upper)) throw new ArgumentException("need lower ≤ mode ≤ upper and lower < upper");
        Lower = lower;
        Mode = mode;
        Upper = upper;
    }

    public double Lower { get; }
    public double Mode { get; }
    public double Upper { get; }
    public override double Quantile(double u) => MathNet.Numerics.Distributions.Triangular.InvCDF(Lower, Upper, Mode, u);
}

/// <summary>Beta(α, β) rescaled to [Low, High], via MathNet's <see cref="Beta.InvCDF"/> (numerical inversion).</summary>
public sealed record BetaMarginal : Marginal
{
    public BetaMarginal(double alpha, double beta, double low = 0, double high = 1)
    {
        if (!(alpha > 0 && beta > 0)) throw new ArgumentException("beta shape parameters must be positive");
        if (!(high > low)) throw new ArgumentException("high must be > low");
        ShapeAlpha = alpha;
        ShapeBeta = beta;
        Low = low;
        High = high;
    }

    public double ShapeAlpha { get; }
    public double ShapeBeta { get; }
    public double Low { get; }
    public double High { get; }

    public override double Quantile(double u)
    {
        if (u <= 0) return Low;
        if (u >= 1) return High;
        return Low + (High - Low) * MathNet.Numerics.Distributions.Beta.InvCDF(ShapeAlpha, ShapeBeta, u);
    }
}

/// <summary>Maps unit-hypercube designs (<c>double[n][k]</c>) to model inputs.</summary>
public static class Scaling
{
    /// <summary>Column i of every row mapped through <c>marginals[i]</c>; returns new arrays.</summary>
    public static double[][] Apply(double[][] unit, IReadOnlyList<Marginal> marginals)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(marginals);
        var result = new double[unit.Length][];
        for (int r = 0; r < unit.Length; r++)
        {
            double[] row = unit[r];
            if (row.Length != marginals.Count) throw new ArgumentException($"row {r} has {row.Length} columns, {marginals.Count} marginals given");
            var x = new double[row.Length];
            for (int i = 0; i < row.Length; i++) x[i] = marginals[i].Quantile(row[i]);
            result[r] = x;
        }
        return result;
    }

    /// <summary>Uniform scaling of column i to [low[i], high[i]]; returns new arrays.</summary>
    public static double[][] ToUniform(double[][] unit, IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        if (low.Count != high.Count) throw new ArgumentException("low and high differ in length");
        var marginals = new Marginal[low.Count];
        for (int i = 0; i < marginals.Length; i++) marginals[i] = Marginal.Uniform(low[i], high[i]);
        return Apply(unit, marginals);
    }

    /// <summary>Uniform scaling of a single value: low + u (high - low).</summary>
    public static double Uniform(double u, double low, double high) => low + u * (high - low);
}
