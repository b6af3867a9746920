using System.Globalization;
using System.Text;

namespace Alliances.Analysis.Statistics;

/// <summary>Plain, serialiser-friendly state of a <see cref="QuantileSketch"/>: only the non-empty bins are listed.</summary>
public sealed record QuantileSketchState(
    double Lo, double Hi, int Bins, long ClampedBelow, long ClampedAbove, double Min, double Max,
    int[] BinIndices, long[] Counts);

/// <summary>
/// A mergeable, deterministic quantile sketch for bounded streams: a fixed-bin histogram (the equi-width histogram
/// estimator, e.g. Scott 1979) over a declared range [lo, hi] with B equal bins (default 2000) and long counts.
/// <list type="bullet">
/// <item>Values outside [lo, hi] are clamped to the range and counted in <see cref="ClampedBelow"/> /
/// <see cref="ClampedAbove"/>; NaN is rejected.</item>
/// <item><see cref="Merge"/> is exact: counts add, min and max combine; merging is commutative and associative, so a
/// set of sketches gives the same result in any merge order, and equals the sketch of the concatenated stream.</item>
/// <item><see cref="Quantile"/> inverts the histogram CDF with linear interpolation inside the bin, then clamps to the
/// observed [Min, Max]. <see cref="QuantileMidpoint"/> returns the bin centre instead.</item>
/// </list>
/// <para>Error bound, with w = (hi - lo)/B and the empirical quantile taken as the order statistic x_(ceil(pn))
/// (x_(1) for p = 0) of the clamped data: the estimate and that order statistic always lie in the same bin, so
/// |<see cref="QuantileMidpoint"/> - x| ≤ w/2 = (hi - lo)/(2B) (<see cref="MaxErrorMidpoint"/>) and
/// |<see cref="Quantile"/> - x| ≤ w (<see cref="MaxError"/>; the interpolated value is usually far closer for smooth
/// data, but can sit at the far edge of the bin when the bin's values are concentrated). For out-of-range data the
/// error is unbounded (the value is clamped).</para>
/// Serialise with <see cref="ToCompactString"/> / <see cref="Parse"/> or <see cref="ToState"/> / <see cref="FromState"/>.
/// </summary>
public sealed class QuantileSketch : IEquatable<QuantileSketch>
{
    public const int DefaultBins = 2000;
    private const string Magic = "QS1";

    private readonly long[] _counts;
    private readonly double _scale; // B / (hi - lo)

    public QuantileSketch(double lo, double hi, int bins = DefaultBins)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(hi > lo)) throw new ArgumentException("need finite lo < hi");
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins));
        Lo = lo;
        Hi = hi;
        Bins = bins;
        _counts = new long[bins];
        _scale = bins / (hi - lo);
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
    }

    public double Lo { get; }
    public double Hi { get; }
    public int Bins { get; }
    public double BinWidth => (Hi - Lo) / Bins;

    /// <summary>Worst-case error of <see cref="Quantile"/> for in-range data: one bin width, (hi - lo)/B.</summary>
    public double MaxError => BinWidth;

    /// <summary>Worst-case error of <see cref="QuantileMidpoint"/> for in-range data: half a bin width, (hi - lo)/(2B).</summary>
    public double MaxErrorMidpoint => BinWidth / 2;

    public long Count { get; private set; }
    public long ClampedBelow { get; private set; }
    public long ClampedAbove { get; private set; }

    /// <summary>Smallest (clamped) value added; +∞ when empty.</summary>
    public double Min { get; private set; }

    /// <summary>Largest (clamped) value added; -∞ when empty.</summary>
    public double Max { get; private set; }

    public long CountInBin(int bin) => _counts[bin];

    /// <summary>Bin of a value after clamping: floor((x - lo) B / (hi - lo)), hi itself in the last bin.</summary>
    public int BinOf(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentException("NaN", nameof(x));
        if (x <= Lo) return 0;
        if (x >= Hi) return Bins - 1;
        int b = (int)((x - Lo) * _scale);
        return Math.Min(b, Bins - 1);
    }

    public void Add(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentException("NaN cannot be added to a quantile sketch", nameof(x));
        if (x < Lo) { x = Lo; ClampedBelow++; }
        else if (x > Hi) { x = Hi; ClampedAbove++; }
        _counts[BinOf(x)]++;
        Count++;
        if (x < Min) Min = x;
        if (x > Max) Max = x;
    }

    public void AddRange(ReadOnlySpan<double> values)
    {
        foreach (double v in values) Add(v);
    }

    /// <summary>Adds <paramref name="other"/>'s counts into this sketch (same lo, hi and B required).</summary>
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Lo != Lo || other.Hi != Hi || other.Bins != Bins)
            throw new ArgumentException("sketches with different ranges or bin counts cannot be merged", nameof(other));
        for (int b = 0; b < Bins; b++) _counts[b] += other._counts[b];
        Count += other.Count;
        ClampedBelow += other.ClampedBelow;
        ClampedAbove += other.ClampedAbove;
        if (other.Min < Min) Min = other.Min;
        if (other.Max > Max) Max = other.Max;
    }

    /// <summary>Quantile p in [0, 1] with linear interpolation inside the bin (NaN when empty). Error ≤ <see cref="MaxError"/>.</summary>
    public double Quantile(double p) => Estimate(p, interpolate: true);

    /// <summary>Quantile p in [0, 1] as the centre of its bin (NaN when empty). Error ≤ <see cref="MaxErrorMidpoint"/>.</summary>
    public double QuantileMidpoint(double p) => Estimate(p, interpolate: false);

    private double Estimate(double p, bool interpolate)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1]");
        if (Count == 0) return double.NaN;
        double target = p * Count;
        long cum = 0;
        for (int b = 0; b < Bins; b++)
        {
            long c = _counts[b];
            if (c == 0) continue;
            if (cum + c >= target)
            {
                double frac = interpolate ? Math.Clamp((target - cum) / c, 0.0, 1.0) : 0.5;
                double est = Lo + (b + frac) * BinWidth;
                return Math.Clamp(est, Min, Max);
            }
            cum += c;
        }
        return Max; // unreachable for p ≤ 1 apart from rounding
    }

    /// <summary>Snapshot of the state (non-empty bins only).</summary>
    public QuantileSketchState ToState()
    {
        var idx = new List<int>();
        var cnt = new List<long>();
        for (int b = 0; b < Bins; b++)
        {
            if (_counts[b] == 0) continue;
            idx.Add(b);
            cnt.Add(_counts[b]);
        }
        bool empty = Count == 0;
        return new QuantileSketchState(Lo, Hi, Bins, ClampedBelow, ClampedAbove, empty ? 0 : Min, empty ? 0 : Max, [.. idx], [.. cnt]);
    }

    public static QuantileSketch FromState(QuantileSketchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var s = new QuantileSketch(state.Lo, state.Hi, state.Bins);
        if (state.BinIndices.Length != state.Counts.Length) throw new FormatException("bin and count lists differ in length");
        long total = 0;
        for (int i = 0; i < state.BinIndices.Length; i++)
        {
            int b = state.BinIndices[i];
            long c = state.Counts[i];
            if ((uint)b >= (uint)s.Bins || c < 0) throw new FormatException($"invalid bin entry {b}:{c}");
            s._counts[b] += c;
            total += c;
        }
        s.Count = total;
        s.ClampedBelow = state.ClampedBelow;
        s.ClampedAbove = state.ClampedAbove;
        if (total > 0)
        {
            s.Min = state.Min;
            s.Max = state.Max;
        }
        return s;
    }

    /// <summary>
    /// Compact text form, culture-invariant and exact (doubles in round-trip format):
    /// <c>QS1;lo;hi;B;count;clampedBelow;clampedAbove;min;max;bin:count,bin:count,...</c> (non-empty bins only).
    /// </summary>
    public string ToCompactString()
    {
        var st = ToState();
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(Magic).Append(';')
          .Append(st.Lo.ToString("R", inv)).Append(';')
          .Append(st.Hi.ToString("R", inv)).Append(';')
          .Append(st.Bins.ToString(inv)).Append(';')
          .Append(Count.ToString(inv)).Append(';')
          .Append(st.ClampedBelow.ToString(inv)).Append(';')
          .Append(st.ClampedAbove.ToString(inv)).Append(';')
          .Append(st.Min.ToString("R", inv)).Append(';')
          .Append(st.Max.ToString("R", inv)).Append(';');
        for (int i = 0; i < st.BinIndices.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(st.BinIndices[i].ToString(inv)).Append(':').Append(st.Counts[i].ToString(inv));
        }
        return sb.ToString();
    }

    /// <summary>Inverse of <see cref="ToCompactString"/>; throws <see cref="FormatException"/> on malformed or inconsistent text.</summary>
    public static QuantileSketch Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inv = CultureInfo.InvariantCulture;
        string[] parts = text.Split(';');
        if (parts.Length != 10 || parts[0] != Magic) throw new FormatException("not a QS1 quantile sketch");
        double lo = double.Parse(parts[1], NumberStyles.Float, inv);
        double hi = double.Parse(parts[2], NumberStyles.Float, inv);
        int bins = int.Parse(parts[3], NumberStyles.Integer, inv);
        long count = long.Parse(parts[4], NumberStyles.Integer, inv);
        long below = long.Parse(parts[5], NumberStyles.Integer, inv);
        long above = long.Parse(parts[6], NumberStyles.Integer, inv);
        double min = double.Parse(parts[7], NumberStyles.Float, inv);
        double max = double.Parse(parts[8], NumberStyles.Float, inv);
        var idx = new List<int>();
        var cnt = new List<long>();
        if (parts[9].Length > 0)
        {
            foreach (string pair in parts[9].Split(','))
            {
                int colon = pair.IndexOf(':');
                if (colon <= 0) throw new FormatException($"bad bin entry '{pair}'");
                idx.Add(int.Parse(pair.AsSpan(0, colon), NumberStyles.Integer, inv));
                cnt.Add(long.Parse(pair.AsSpan(colon + 1), NumberStyles.Integer, inv));
            }
        }
        var s = FromState(new QuantileSketchState(lo, hi, bins, below, above, min, max, [.. idx], [.. cnt]));
        if (s.Count != count) throw new FormatException($"count {count} does not match the bins' total {s.Count}");
        return s;
    }

    public bool Equals(QuantileSketch? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return Lo == other.Lo && Hi == other.Hi && Bins == other.Bins && Count == other.Count
            && ClampedBelow == other.ClampedBelow && ClampedAbove == other.ClampedAbove
            && Min.Equals(other.Min) && Max.Equals(other.Max)
            && _counts.AsSpan().SequenceEqual(other._counts);
    }

    public override bool Equals(object? obj) => Equals(obj as QuantileSketch);

    public override int GetHashCode() => HashCode.Combine(Lo, Hi, Bins, Count, Min, Max);
}
