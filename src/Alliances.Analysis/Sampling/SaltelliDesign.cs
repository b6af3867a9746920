namespace Alliances.Analysis.Sampling;

/// <summary>Which matrix of the Saltelli scheme a design row belongs to.</summary>
public enum SaltelliMatrix
{
    A,
    /// <summary>A with column <c>Factor</c> taken from B.</summary>
    AB,
    B,
}

/// <summary>Identity of one row of a <see cref="SaltelliDesign"/>.</summary>
public readonly record struct SaltelliRow(int BaseIndex, SaltelliMatrix Matrix, int Factor);

/// <summary>The model outputs of a Saltelli design split back by matrix: <c>AB[i][j]</c> is f(AB_i) on base row j.</summary>
public sealed record SaltelliOutputs(double[] A, double[] B, double[][] AB);

/// <summary>
/// Saltelli (2002; Saltelli et al., 2010, "Variance based sensitivity analysis of model output. Design and estimator
/// for the total sensitivity index", Comput. Phys. Commun. 181, 259-270) radial-free "A, B, AB_i" scheme.
/// A base matrix of N points of a 2k-dimensional Sobol sequence (Joe and Kuo 2008 directions, origin skipped unless
/// <c>skip</c> says otherwise) gives A (its first k columns) and B (its last k columns); AB_i is A with column i
/// replaced by column i of B. Total: N(k + 2) model evaluations.
/// <para>Layout of <see cref="Rows"/> (as SALib): N consecutive blocks of k + 2 rows, block j = base row j:
/// offset 0 = A_j, offsets 1..k = AB_j^(1..k), offset k + 1 = B_j. <see cref="Describe"/> and <see cref="RowOf"/>
/// convert between row numbers and identities, so a caller may evaluate rows in any order (or in parallel), store
/// output r at position r, and hand the full output array to
/// <see cref="Alliances.Analysis.Sensitivity.SobolIndices.Estimate(SaltelliDesign, ReadOnlySpan{double}, Alliances.Analysis.Sensitivity.SobolOptions?)"/>.</para>
/// Points are on the unit hypercube [0, 1)^k; map them with <see cref="Scaling"/>.
/// </summary>
public sealed class SaltelliDesign
{
    private SaltelliDesign(int baseSamples, int factors, double[][] rows)
    {
        BaseSamples = baseSamples;
        Factors = factors;
        Rows = rows;
    }

    /// <summary>N, the number of base samples (rows of A and of B). Powers of two keep the Sobol balance properties.</summary>
    public int BaseSamples { get; }

    /// <summary>k, the number of factors.</summary>
    public int Factors { get; }

    public int RowsPerBase => Factors + 2;

    /// <summary>N(k + 2).</summary>
    public int RowCount => Rows.Length;

    /// <summary>Every point to evaluate, in the layout above: <c>Rows[r][i]</c> is factor i of row r, in [0, 1).</summary>
    public double[][] Rows { get; }

    /// <summary>
    /// Builds the design from the Sobol sequence in 2k dimensions (k ≤ 64): N base points starting at point
    /// <paramref name="skip"/> (default 1, the origin excluded).
    /// </summary>
    public static SaltelliDesign Create(int baseSamples, int factors, int skip = 1)
    {
        if (factors < 1 || 2 * factors > SobolSequence.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(factors), factors, $"1..{SobolSequence.MaxDimensions / 2} factors are supported");
        if (baseSamples < 2) throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "at least 2 base samples");
        return FromBase(SobolSequence.Generate(baseSamples, 2 * factors, skip));
    }

    /// <summary>
    /// Builds the design from any N × 2k base matrix on the unit hypercube (e.g. a Latin hypercube): columns 0..k-1
    /// form A, columns k..2k-1 form B.
    /// </summary>
    public static SaltelliDesign FromBase(double[][] baseMatrix)
    {
        ArgumentNullException.ThrowIfNull(baseMatrix);
        int n = baseMatrix.Length;
        if (n < 2) throw new ArgumentException("at least 2 base rows", nameof(baseMatrix));
        int width = baseMatrix[0].Length;
        if (width < 2 || width % 2 != 0) throw new ArgumentException("the base matrix needs an even number (2k) of columns", nameof(baseMatrix));
        int k = width / 2;
        var rows = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++)
        {
            double[] src = baseMatrix[j];
            if (src.Length != width) throw new ArgumentException("ragged base matrix", nameof(baseMatrix));
            int r0 = j * (k + 2);
            var a = src[..k];
            var b = src[k..];
            rows[r0] = a;
            for (int i = 0; i < k; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                rows[r0 + 1 + i] = ab;
            }
            rows[r0 + k + 1] = b;
        }
        return new SaltelliDesign(n, k, rows);
    }

    /// <summary>What row <paramref name="row"/> is. <c>Factor</c> is -1 for A and B rows.</summary>
    public SaltelliRow Describe(int row)
    {
        if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row));
        int j = row / RowsPerBase;
        int o = row % RowsPerBase;
        if (o == 0) return new SaltelliRow(j, SaltelliMatrix.A, -1);
        if (o == Factors + 1) return new SaltelliRow(j, SaltelliMatrix.B, -1);
        return new SaltelliRow(j, SaltelliMatrix.AB, o - 1);
    }

    /// <summary>Row number of (matrix, base row, factor); factor is only used for AB.</summary>
    public int RowOf(SaltelliMatrix matrix, int baseIndex, int factor = -1)
    {
        if ((uint)baseIndex >= (uint)BaseSamples) throw new ArgumentOutOfRangeException(nameof(baseIndex));
        int r0 = baseIndex * RowsPerBase;
        return matrix switch
        {
            SaltelliMatrix.A => r0,
            SaltelliMatrix.B => r0 + Factors + 1,
            SaltelliMatrix.AB when (uint)factor < (uint)Factors => r0 + 1 + factor,
            _ => throw new ArgumentOutOfRangeException(nameof(factor)),
        };
    }

    /// <summary>Splits outputs given in row order (<c>outputs[r]</c> = f(Rows[r])) back into f(A), f(B), f(AB_i).</summary>
    public SaltelliOutputs Split(ReadOnlySpan<double> outputs)
    {
        if (outputs.Length != RowCount)
            throw new ArgumentException($"expected {RowCount} outputs (N(k + 2)), got {outputs.Length}", nameof(outputs));
        int n = BaseSamples, k = Factors;
        var fa = new double[n];
        var fb = new double[n];
        var fab = new double[k][];
        for (int i = 0; i < k; i++) fab[i] = new double[n];
        for (int j = 0; j < n; j++)
        {
            int r0 = j * (k + 2);
            fa[j] = outputs[r0];
            for (int i = 0; i < k; i++) fab[i][j] = outputs[r0 + 1 + i];
            fb[j] = outputs[r0 + k + 1];
        }
        return new SaltelliOutputs(fa, fb, fab);
    }
}
