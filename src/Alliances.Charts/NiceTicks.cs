using System.Globalization;
using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>
/// A set of axis ticks: the axis domain, the tick values and their labels.
/// Tick values are exact decimal multiples of <see cref="Step"/> (e.g. 0.3, never 0.30000000000000004)
/// and every label of an axis is formatted with the same number of decimals.
/// </summary>
public sealed class TickSet
{
    internal TickSet(double min, double max, double step, IReadOnlyList<double> values, int decimals, int? exponent)
    {
        Min = min;
        Max = max;
        Step = step;
        Values = values;
        Decimals = decimals;
        Exponent = exponent;
        Labels = values.Select(Format).ToArray();
    }

    /// <summary>Lower end of the axis domain.</summary>
    public double Min { get; }

    /// <summary>Upper end of the axis domain.</summary>
    public double Max { get; }

    /// <summary>Distance between two consecutive ticks (1, 2 or 5 × 10^k).</summary>
    public double Step { get; }

    /// <summary>Tick values in increasing order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Formatted tick labels, parallel to <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of decimals used by every label of this axis (mantissa decimals in scientific mode).</summary>
    public int Decimals { get; }

    /// <summary>Common power of ten when labels use scientific notation ("1.5e-7"); null for plain decimals.</summary>
    public int? Exponent { get; }

    /// <summary>Formats any value consistently with the axis labels (invariant culture).</summary>
    public string Format(double value)
    {
        if (Exponent is int e)
        {
            if (value == 0)
            {
                return "0";
            }

            double mantissa = e >= 0 ? value / Math.Pow(10, e) : value * Math.Pow(10, -e);
            return Num.Fixed(mantissa, Decimals) + "e" + e.ToString(CultureInfo.InvariantCulture);
        }

        return Num.Fixed(value, Decimals);
    }
}

/// <summary>
/// "Nice numbers" axis ticks after Heckbert (1990), <i>Nice numbers for graph labels</i>, Graphics Gems:
/// the step is 1, 2 or 5 × 10^k, chosen so that the number of ticks is close to the requested count.
/// </summary>
public static class NiceTicks
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Heckbert's nice number: the 1/2/5/10 × 10^k number close to <paramref name="x"/>
    /// (rounded when <paramref name="round"/>, otherwise the smallest such number ≥ x).
    /// </summary>
    public static double NiceNumber(double x, bool round)
    {
        var (m, e) = NiceParts(x, round);
        return Scale(m, e);
    }

    /// <summary>
    /// Loose labelling: the axis domain is extended outwards to the first and last nice ticks
    /// enclosing [min, max]. Constant data gets a padded range; non-finite bounds give [0, 1].
    /// </summary>
    public static TickSet Loose(double min, double max, int targetCount = 6)
    {
        (min, max) = Sanitize(min, max);
        var (m, e) = StepFor(min, max, targetCount);
        double step = Scale(m, e);
        long k0 = (long)Math.Floor(min / step + Tolerance);
        long k1 = (long)Math.Ceiling(max / step - Tolerance);
        if (k1 <= k0)
        {
            k1 = k0 + 1;
        }

        return Build(k0, k1, m, e, Value(k0, m, e), Value(k1, m, e));
    }

    /// <summary>
    /// Tight labelling: the axis domain is exactly [min, max] (padded if constant) and only the nice
    /// ticks that fall inside it are returned. Use when the caller fixes the axis range.
    /// </summary>
    public static TickSet Inside(double min, double max, int targetCount = 6)
    {
        (min, max) = Sanitize(min, max);
        var (m, e) = StepFor(min, max, targetCount);
        long k0 = (long)Math.Ceiling(min / Scale(m, e) - Tolerance);
        long k1 = (long)Math.Floor(max / Scale(m, e) + Tolerance);
        return Build(k0, k1, m, e, min, max);
    }

    /// <summary>Returns (min, max) ordered, finite and with a non-zero span.</summary>
    internal static (double Min, double Max) Sanitize(double min, double max)
    {
        bool okMin = double.IsFinite(min), okMax = double.IsFinite(max);
        if (!okMin && !okMax)
        {
            return (0, 1);
        }

        if (!okMin)
        {
            min = max;
        }

        if (!okMax)
        {
            max = min;
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        double span = max - min;
        double scale = Math.Max(Math.Abs(min), Math.Abs(max));
        if (span <= scale * 1e-12 || span == 0)
        {
            if (scale == 0)
            {
                return (-1, 1);
            }

            double pad = scale * 0.1;
            return (min - pad, max + pad);
        }

        return (min, max);
    }

    private static (int Mantissa, int Exponent) StepFor(double min, double max, int targetCount)
    {
        int n = Math.Clamp(targetCount, 2, 50);
        return NiceParts((max - min) / (n - 1), round: true);
    }

    private static (int Mantissa, int Exponent) NiceParts(double x, bool round)
    {
        if (!(x > 0) || !double.IsFinite(x))
        {
            return (1, 0);
        }

        int e = (int)Math.Floor(Math.Log10(x));
        double f = x / Math.Pow(10, e);
        // Guard against Log10 rounding (e.g. 1000 → 2.9999...).
        if (f >= 10 - 1e-12)
        {
            e++;
            f /= 10;
        }
        else if (f < 1)
        {
            e--;
            f *= 10;
        }

        int m = round
            ? f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
            : f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return m == 10 ? (1, e + 1) : (m, e);
    }

    /// <summary>m × 10^e computed so that the result is the double nearest to the exact decimal.</summary>
    private static double Scale(double m, int e) =>
        e >= 0 ? m * Math.Pow(10, e) : m / Math.Pow(10, -e);

    private static double Value(long k, int m, int e) => Scale((double)k * m, e);

    private static TickSet Build(long k0, long k1, int m, int e, double domainMin, double domainMax)
    {
        var values = new List<double>();
        for (long k = k0; k <= k1 && values.Count < 200; k++)
        {
            double v = Value(k, m, e);
            values.Add(v == 0 ? 0 : v); // no negative zero
        }

        double maxAbs = Math.Max(Math.Abs(domainMin), Math.Abs(domainMax));
        int decimals = Math.Max(0, -e);
        int? exponent = null;
        if (decimals > 6 || maxAbs >= 1e9)
        {
            // Scientific notation with a common exponent for the whole axis.
            int common = (int)Math.Floor(Math.Log10(maxAbs));
            exponent = common;
            decimals = Math.Max(0, common - e);
        }

        return new TickSet(domainMin, domainMax, Scale(m, e), values, decimals, exponent);
    }
}
