using System.Numerics;

namespace Alliances.Analysis.Sampling;

/// <summary>
/// Sobol (1967) low-discrepancy sequence in base 2 on [0, 1)^d, with the direction numbers of Joe and Kuo (2008)
/// (<see cref="JoeKuoDirections"/>, up to <see cref="MaxDimensions"/> dimensions) and the Gray-code ordering of
/// Antonov and Saleev (1979): point n is x_n = x_{n-1} XOR v_c, c = number of trailing zero bits of n; 32-bit
/// resolution (points are multiples of 2^-32, at most 2^32 - 1 points). The recurrence for v follows Bratley and Fox
/// (1988) as stated by Joe and Kuo.
/// <para>Indexing: point 0 is the origin (all zeros). <see cref="Generate"/> skips it by default (<c>skip = 1</c>),
/// as SALib does: the origin maps to -infinity under unbounded inverse CDFs. The first points after it are
/// (0.5, 0.5, 0.5, ...), (0.75, 0.25, 0.25, ...), (0.25, 0.75, 0.75, ...), (0.375, 0.375, 0.625, ...) — identical to
/// scipy.stats.qmc.Sobol(scramble=False) without its first row. Pass <c>skip = 0</c> to keep the balanced
/// 2^m-point nets that include the origin.</para>
/// The sequence is deterministic: no seed.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>Bits of resolution of each coordinate.</summary>
    public const int Bits = 32;

    /// <summary>Largest supported dimension.</summary>
    public const int MaxDimensions = JoeKuoDirections.MaxDimensions;

    private const double Scale = 1.0 / 4294967296.0; // 2^-32

    private static readonly uint[][] AllDirections = BuildDirections();

    private readonly uint[][] _v;
    private readonly uint[] _x;
    private long _index; // index of the point _x holds

    /// <summary>A sequence positioned at point 0 (the origin); <see cref="Next"/> returns point 1 first.</summary>
    public SobolSequence(int dimensions)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"1..{MaxDimensions} dimensions are supported");
        Dimensions = dimensions;
        _v = AllDirections[..dimensions];
        _x = new uint[dimensions];
        _index = 0;
    }

    public int Dimensions { get; }

    /// <summary>Index of the last point returned (0 before any call: the origin).</summary>
    public long Index => _index;

    /// <summary>Advances to the next point (Gray-code order) and writes it into <paramref name="destination"/>.</summary>
    public void Next(Span<double> destination)
    {
        if (destination.Length < Dimensions) throw new ArgumentException("destination is shorter than the dimension", nameof(destination));
        if (_index >= uint.MaxValue) throw new InvalidOperationException("the 32-bit Sobol sequence is exhausted (2^32 points)");
        _index++;
        int c = BitOperations.TrailingZeroCount((ulong)_index);
        for (int d = 0; d < Dimensions; d++)
        {
            _x[d] ^= _v[d][c];
            destination[d] = _x[d] * Scale;
        }
    }

    /// <summary>Advances to the next point and returns it as a new array.</summary>
    public double[] Next()
    {
        var p = new double[Dimensions];
        Next(p);
        return p;
    }

    /// <summary>Point number <paramref name="index"/> of the sequence (0 = origin), by direct Gray-code evaluation.</summary>
    public static double[] Point(long index, int dimensions)
    {
        if (index < 0 || index > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(index));
        if (dimensions < 1 || dimensions > MaxDimensions) throw new ArgumentOutOfRangeException(nameof(dimensions));
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        var p = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            uint x = 0;
            ulong g = gray;
            for (int bit = 0; g != 0; bit++, g >>= 1)
                if ((g & 1) != 0) x ^= AllDirections[d][bit];
            p[d] = x * Scale;
        }
        return p;
    }

    /// <summary>
    /// The first <paramref name="n"/> points after skipping <paramref name="skip"/> points (default 1: the origin),
    /// as rows: <c>result[i][d]</c> is coordinate d of point skip + i.
    /// </summary>
    public static double[][] Generate(int n, int dimensions, int skip = 1)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (skip < 0) throw new ArgumentOutOfRangeException(nameof(skip));
        var seq = new SobolSequence(dimensions);
        var scratch = new double[dimensions];
        for (int s = 1; s < skip; s++) seq.Next(scratch); // point 0 is already "consumed" by construction
        var rows = new double[n][];
        int i = 0;
        if (skip == 0 && n > 0) rows[i++] = new double[dimensions];
        for (; i < n; i++) rows[i] = seq.Next();
        return rows;
    }

    /// <summary>Direction integers v_k (k = 0..31, left-aligned in 32 bits) of a dimension (0-based). Exposed for tests.</summary>
    internal static uint[] Directions(int dimension) => (uint[])AllDirections[dimension].Clone();

    private static uint[][] BuildDirections()
    {
        var all = new uint[MaxDimensions][];
        var first = new uint[Bits];
        for (int k = 0; k < Bits; k++) first[k] = 1u << (Bits - 1 - k);
        all[0] = first;
        for (int d = 1; d < MaxDimensions; d++)
        {
            int[] row = JoeKuoDirections.Rows[d - 1];
            int a = row[0];
            int s = row.Length - 1;
            var v = new uint[Bits];
            for (int k = 0; k < Bits; k++)
            {
                if (k < s)
                {
                    v[k] = (uint)row[k + 1] << (Bits - 1 - k);
                    continue;
                }
                uint x = v[k - s] ^ (v[k - s] >> s);
                for (int l = 1; l < s; l++)
                    if (((a >> (s - 1 - l)) & 1) != 0) x ^= v[k - l];
                v[k] = x;
            }
            all[d] = v;
        }
        return all;
    }
}
