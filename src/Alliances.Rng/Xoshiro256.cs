using System.Numerics;
using System.Runtime.CompilerServices;

namespace Alliances.Rng;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64, as in MathNet's Xoshiro256StarStar.
/// A mutable struct with no allocation; pass it by <c>ref</c>. The only generator the project uses:
/// every stream is obtained from <see cref="Streams"/> with a (seed, replication, purpose[, entity]) key.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 0x9E3779B97F4A7C15UL; // the all-zero state is forbidden
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform double in (0, 1]: safe for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n) by Lemire's multiply-shift with rejection (unbiased).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive");
        ulong bound = (ulong)n;
        ulong x = NextUInt64();
        UInt128 m = (UInt128)x * bound;
        ulong low = (ulong)m;
        if (low < bound)
        {
            ulong threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64();
                m = (UInt128)x * bound;
                low = (ulong)m;
            }
        }
        return (int)(m >> 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Bernoulli(double p) => NextDouble() < p;

    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Standard normal by the Box-Muller transform (one value per call; no cached state).</summary>
    public double NextGaussian()
    {
        double u1 = NextDoubleNonZero();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double sd) => mean + sd * NextGaussian();

    /// <summary>Beta(a, b) from two gamma draws (Marsaglia-Tsang).</summary>
    public double Beta(double a, double b)
    {
        double x = Gamma(a);
        double y = Gamma(b);
        return x / (x + y);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000); shape &lt; 1 boosted by U^(1/shape).</summary>
    public double Gamma(double shape)
    {
        if (shape <= 0) throw new ArgumentOutOfRangeException(nameof(shape));
        if (shape < 1)
        {
            double u = NextDoubleNonZero();
            return Gamma(shape + 1) * Math.Pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = NextDoubleNonZero();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle(Span<int> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014): seeding and key hashing.</summary>
public static class SplitMix64
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Mixes one more word into a hash (order-sensitive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong hash, ulong word)
    {
        ulong s = hash ^ (word * 0xD6E8FEB86659FD93UL);
        return Next(ref s);
    }
}
