using System.Globalization;

namespace Alliances.Charts.Internal;

/// <summary>Culture-invariant number formatting for everything written into SVG.</summary>
internal static class Num
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Formats a coordinate or length: rounded to 2 decimals, trailing zeros trimmed, never "-0".</summary>
    public static string C(double value)
    {
        if (!double.IsFinite(value))
        {
            return "0";
        }

        double r = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return r == 0 ? "0" : r.ToString("0.##", Inv);
    }

    /// <summary>Formats an opacity or other unit-interval value (up to 3 decimals).</summary>
    public static string Unit(double value)
    {
        if (!double.IsFinite(value))
        {
            return "0";
        }

        double r = Math.Round(Math.Clamp(value, 0, 1), 3, MidpointRounding.AwayFromZero);
        return r == 0 ? "0" : r.ToString("0.###", Inv);
    }

    /// <summary>Fixed number of decimals, invariant culture, never "-0.00".</summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        decimals = Math.Clamp(decimals, 0, 15);
        string s = value.ToString("F" + decimals.ToString(Inv), Inv);
        return IsNegativeZero(s) ? s[1..] : s;
    }

    /// <summary>Compact general-purpose formatting (4 significant digits), used for tooltips.</summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value == 0)
        {
            return "0";
        }

        return value.ToString("G4", Inv);
    }

    public static string Int(int value) => value.ToString(Inv);

    private static bool IsNegativeZero(string s)
    {
        if (s.Length < 2 || s[0] != '-')
        {
            return false;
        }

        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] != '0' && s[i] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
