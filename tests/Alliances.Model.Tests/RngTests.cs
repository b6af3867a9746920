using Alliances.Rng;

namespace Alliances.Model.Tests;

/// <summary>The random-number contract: xoshiro256** seeded by SplitMix64, keyed streams, unbiased draws, moments.</summary>
public class RngTests
{
    /// <summary>Reference xoshiro256** (Blackman and Vigna), written independently from the paper's C code.</summary>
    private sealed class Reference
    {
        private readonly ulong[] _s = new ulong[4];

        public Reference(ulong seed)
        {
            ulong x = seed;
            for (int i = 0; i < 4; i++)
            {
                x += 0x9E3779B97F4A7C15UL;
                ulong z = x;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                _s[i] = z ^ (z >> 31);
            }
        }

        private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

        public ulong Next()
        {
            ulong result = Rotl(_s[1] * 5, 7) * 9;
            ulong t = _s[1] << 17;
            _s[2] ^= _s[0];
            _s[3] ^= _s[1];
            _s[1] ^= _s[2];
            _s[0] ^= _s[3];
            _s[2] ^= t;
            _s[3] = Rotl(_s[3], 45);
            return result;
        }
    }

    [Fact]
    public void SplitMix64_MatchesPublishedOutputsForSeedZero()
    {
        // First outputs of SplitMix64 from state 0 (Vigna's reference splitmix64.c).
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(0xDEADBEEFCAFEBABEUL)]
    [InlineData(ulong.MaxValue)]
    public void Xoshiro256StarStar_MatchesReferenceImplementation(ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var reference = new Reference(seed);
        for (int i = 0; i < 10_000; i++) Assert.Equal(reference.Next(), rng.NextUInt64());
    }

    [Fact]
    public void SameSeed_SameSequence_AndCopiesAreIndependentValues()
    {
        var a = Streams.Create(7, 3, Purpose.Meetings);
        var b = Streams.Create(7, 3, Purpose.Meetings);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var copy = a; // a struct: copying the state forks an identical stream
        Assert.Equal(a.NextDouble(), copy.NextDouble());
    }

    [Fact]
    public void StreamKeys_DifferBySeedReplicationPurposeAndEntity()
    {
        var keys = new HashSet<ulong>();
        var firsts = new HashSet<ulong>();
        int count = 0;
        foreach (ulong seed in new ulong[] { 0, 1, 2, 12345 })
            for (long r = 0; r < 8; r++)
                foreach (var purpose in Enum.GetValues<Purpose>())
                    for (long entity = 0; entity < 4; entity++)
                    {
                        keys.Add(Streams.Key(seed, r, purpose, entity));
                        var rng = Streams.Create(seed, r, purpose, entity);
                        firsts.Add(rng.NextUInt64());
                        count++;
                    }
        Assert.Equal(count, keys.Count);
        Assert.Equal(count, firsts.Count);
        // Order-sensitive: swapping seed and replication gives another stream.
        Assert.NotEqual(Streams.Key(1, 2, Purpose.Region), Streams.Key(2, 1, Purpose.Region));
        Assert.Equal(Streams.Key(5, 6, Purpose.Agents), Streams.Key(5, 6, Purpose.Agents, 0));
        // Negative replications and entities are valid keys too.
        Assert.NotEqual(Streams.Key(5, -1, Purpose.Agents), Streams.Key(5, 1, Purpose.Agents));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(10)]
    public void NextInt_SmallN_ChiSquareUniform(int n)
    {
        var rng = Streams.Create(99, n, Purpose.Sampling);
        int draws = 20_000 * n;
        var counts = new long[n];
        for (int i = 0; i < draws; i++)
        {
            int v = rng.NextInt(n);
            Assert.InRange(v, 0, n - 1);
            counts[v]++;
        }
        AssertChiSquare(counts, draws);
    }

    [Fact]
    public void NextInt_LargeN_UniformAcrossBins()
    {
        // n = 3·2^29: a naive 32-bit modulo would put twice as much mass on the first third; bin into 12 equal bins.
        const int n = 1_610_612_736;
        const int bins = 12;
        var rng = Streams.Create(99, 1000, Purpose.Sampling);
        var counts = new long[bins];
        int draws = 240_000;
        for (int i = 0; i < draws; i++)
        {
            int v = rng.NextInt(n);
            Assert.InRange(v, 0, n - 1);
            counts[(int)((long)v * bins / n)]++;
        }
        AssertChiSquare(counts, draws);
        Assert.Equal(0, rng.NextInt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = new Xoshiro256(1); r.NextInt(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = new Xoshiro256(1); r.NextInt(-3); });
    }

    /// <summary>Pearson chi-square against the uniform distribution at the 0.1 % level (fixed seeds: deterministic).</summary>
    private static void AssertChiSquare(long[] counts, long draws)
    {
        int k = counts.Length;
        double expected = (double)draws / k;
        double chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // Wilson-Hilferty approximation of the 99.9 % quantile of chi-square with k − 1 degrees of freedom.
        double df = k - 1, zq = 3.0902;
        double critical = df * Math.Pow(1 - 2 / (9 * df) + zq * Math.Sqrt(2 / (9 * df)), 3);
        Assert.True(chi < critical, $"chi-square {chi:F2} ≥ {critical:F2} (df {df}); counts {string.Join(",", counts)}");
    }

    [Fact]
    public void NextDouble_InHalfOpenUnitInterval_WithUniformMoments()
    {
        var rng = Streams.Create(3, 0, Purpose.Sampling);
        const int n = 400_000;
        double min = 1, max = 0, sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            min = Math.Min(min, u); max = Math.Max(max, u);
            sum += u; sum2 += u * u;
        }
        Assert.True(min >= 0.0 && max < 1.0);
        double mean = sum / n, variance = sum2 / n - mean * mean;
        Assert.InRange(mean, 0.5 - 0.003, 0.5 + 0.003);           // se ≈ 0.00046
        Assert.InRange(variance, 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);

        var nz = Streams.Create(3, 1, Purpose.Sampling);
        for (int i = 0; i < 100_000; i++) { double u = nz.NextDoubleNonZero(); Assert.True(u > 0 && u <= 1); }
    }

    [Fact]
    public void NextDouble_ExtremesOfTheMapping()
    {
        // The mapping uses the top 53 bits: the largest value is 1 − 2^-53 < 1.
        Assert.True((ulong.MaxValue >> 11) * (1.0 / 9007199254740992.0) < 1.0);
        Assert.Equal(1.0, ((ulong.MaxValue >> 11) + 1) * (1.0 / 9007199254740992.0));
    }

    [Fact]
    public void Gaussian_MomentsMatchStandardNormal()
    {
        var rng = Streams.Create(11, 0, Purpose.Sampling);
        const int n = 200_000;
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextGaussian();
            s1 += x; s2 += x * x; s3 += x * x * x; s4 += x * x * x * x;
        }
        double mean = s1 / n, variance = s2 / n - mean * mean;
        Assert.InRange(mean, -0.012, 0.012);      // se ≈ 0.0022
        Assert.InRange(variance, 0.98, 1.02);     // se ≈ 0.0032
        Assert.InRange(s3 / n, -0.05, 0.05);      // skewness 0, se ≈ 0.0055
        Assert.InRange(s4 / n, 2.9, 3.1);         // kurtosis 3, se ≈ 0.022

        var normal = Streams.Create(11, 1, Purpose.Sampling);
        double m = 0;
        for (int i = 0; i < n; i++) m += normal.Normal(5, 2);
        Assert.InRange(m / n, 5 - 0.025, 5 + 0.025);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(30.0)]
    public void Gamma_MeanAndVarianceEqualShape(double shape)
    {
        var rng = Streams.Create(13, (long)(shape * 10), Purpose.Sampling);
        const int n = 200_000;
        double s1 = 0, s2 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = rng.Gamma(shape);
            Assert.True(x >= 0);
            s1 += x; s2 += x * x;
        }
        double mean = s1 / n, variance = s2 / n - mean * mean;
        double seMean = Math.Sqrt(shape / n);
        Assert.InRange(mean, shape - 5 * seMean, shape + 5 * seMean);
        Assert.InRange(variance, shape * 0.96, shape * 1.04);
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = new Xoshiro256(1); r.Gamma(0); });
    }

    [Theory]
    [InlineData(2.0, 2.0)]
    [InlineData(1.6, 2.4)]
    [InlineData(0.5, 0.5)]
    [InlineData(3.0, 0.6)]
    public void Beta_MeanAndVarianceMatch(double a, double b)
    {
        var rng = Streams.Create(17, (long)(a * 100 + b), Purpose.Sampling);
        const int n = 200_000;
        double s1 = 0, s2 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = rng.Beta(a, b);
            Assert.InRange(x, 0.0, 1.0);
            s1 += x; s2 += x * x;
        }
        double mean = s1 / n, variance = s2 / n - mean * mean;
        double expectedMean = a / (a + b);
        double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        double seMean = Math.Sqrt(expectedVariance / n);
        Assert.InRange(mean, expectedMean - 5 * seMean, expectedMean + 5 * seMean);
        Assert.InRange(variance, expectedVariance * 0.97, expectedVariance * 1.03);
    }

    [Fact]
    public void Shuffle_IsAPermutation_AndUniformOverPositions()
    {
        var rng = Streams.Create(19, 0, Purpose.Sampling);
        const int k = 5, rounds = 50_000;
        var firstPosition = new long[k];
        Span<int> items = stackalloc int[k];
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < k; i++) items[i] = i;
            rng.Shuffle(items);
            int mask = 0;
            foreach (int v in items) mask |= 1 << v;
            Assert.Equal((1 << k) - 1, mask);
            firstPosition[items[0]]++;
        }
        AssertChiSquare(firstPosition, rounds);
    }

    [Fact]
    public void Bernoulli_AndUniform_Sane()
    {
        var rng = Streams.Create(23, 0, Purpose.Sampling);
        int hits = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++) if (rng.Bernoulli(0.3)) hits++;
        Assert.InRange(hits / (double)n, 0.3 - 0.0075, 0.3 + 0.0075); // 5 se
        Assert.False(rng.Bernoulli(0));
        Assert.True(rng.Bernoulli(1));
        for (int i = 0; i < 10_000; i++) Assert.InRange(rng.Uniform(-2, 3), -2.0, 3.0);
    }
}
