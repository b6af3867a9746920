using System.Globalization;
using System.Text.Json.Serialization;

namespace Alliances.Workshop;

/// <summary>A short text in French and English. French typography (non-breaking spaces inside « » and before : ; ? ! %)
/// is applied once, here.</summary>
public sealed record Text
{
    public Text(string fr, string en)
    {
        Fr = FrenchSpacing(fr);
        En = en;
    }

    [JsonPropertyName("fr")] public string Fr { get; }
    [JsonPropertyName("en")] public string En { get; }

    public string In(Lang lang) => lang == Lang.Fr ? Fr : En;

    public static string FrenchSpacing(string s) => s
        .Replace("« ", "«\u00A0", StringComparison.Ordinal)
        .Replace(" »", "\u00A0»", StringComparison.Ordinal)
        .Replace(" :", "\u00A0:", StringComparison.Ordinal)
        .Replace(" ;", "\u00A0;", StringComparison.Ordinal)
        .Replace(" ?", "\u00A0?", StringComparison.Ordinal)
        .Replace(" !", "\u00A0!", StringComparison.Ordinal)
        .Replace(" %", "\u00A0%", StringComparison.Ordinal);
}

/// <summary>Language of the page and of the texts of a run.</summary>
public enum Lang { Fr, En }

/// <summary>Numbers in prose: "0,12" and "87 %" in French, "0.12" and "87%" in English; "−" as the minus sign.</summary>
internal static class Num
{
    private static readonly NumberFormatInfo FrFormat = Make(",", "\u202F");
    private static readonly NumberFormatInfo EnFormat = Make(".", ",");

    private static NumberFormatInfo Make(string dec, string group)
    {
        var nf = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        nf.NumberDecimalSeparator = dec;
        nf.NumberGroupSeparator = group;
        nf.NegativeSign = "−";
        return nf;
    }

    public static string F(Lang lang, double v, int decimals)
    {
        if (!double.IsFinite(v)) return lang == Lang.Fr ? "n.d." : "n/a";
        string s = v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), lang == Lang.Fr ? FrFormat : EnFormat);
        return s.StartsWith('−') && !s.Any(c => c is >= '1' and <= '9') ? s[1..] : s;
    }

    public static string Signed(Lang lang, double v, int decimals)
    {
        string s = F(lang, v, decimals);
        return double.IsFinite(v) && !s.StartsWith('−') && s.Any(c => c is >= '1' and <= '9') ? "+" + s : s;
    }

    public static string Percent(Lang lang, double share)
    {
        if (!double.IsFinite(share)) return lang == Lang.Fr ? "n.d." : "n/a";
        string n = Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        return lang == Lang.Fr ? n + "\u00A0%" : n + "%";
    }

    public static string Interval(Lang lang, double lo, double hi, int decimals) => lang == Lang.Fr
        ? $"[{Signed(lang, lo, decimals)}\u00A0; {Signed(lang, hi, decimals)}]"
        : $"[{Signed(lang, lo, decimals)}, {Signed(lang, hi, decimals)}]";

    /// <summary>Invariant formatting for SVG alt texts and JSON-adjacent strings.</summary>
    public static string Inv(double v) => double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
