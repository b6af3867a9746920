using System.Globalization;
using System.Text;

namespace Alliances.Charts.Internal;

/// <summary>
/// Rough text width estimation used for layout (margins, legend wrapping, label thinning).
/// Widths follow DejaVu Sans, a wide sans-serif, so estimates are conservative for system-ui fonts.
/// </summary>
internal static class TextMetrics
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private static readonly double[] LowerW =
    [
        .613, .635, .550, .635, .615, .352, .635, .634, .278, .278, .579, .278, .974,
        .634, .612, .635, .635, .411, .521, .392, .634, .592, .818, .592, .592, .525,
    ];

    private static readonly double[] UpperW =
    [
        .684, .686, .698, .770, .632, .575, .775, .752, .295, .295, .656, .557, .863,
        .748, .787, .603, .787, .695, .635, .611, .732, .684, .989, .685, .611, .685,
    ];

    public static double Width(string? text, double fontSize, bool bold = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = text; // lone surrogates: measure as is
        }

        double em = 0;
        foreach (char raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            em += CharWidth(raw);
        }

        return em * fontSize * (bold ? 1.08 : 1.0);
    }

    private static double CharWidth(char c)
    {
        if (c >= 'a' && c <= 'z')
        {
            return LowerW[c - 'a'];
        }

        if (c >= 'A' && c <= 'Z')
        {
            return UpperW[c - 'A'];
        }

        if (c >= '0' && c <= '9')
        {
            return .636;
        }

        if (char.IsLowSurrogate(c))
        {
            return 0; // the high surrogate carries the width of the pair
        }

        return c switch
        {
            ' ' or '\u00A0' or '\u202F' => .318,
            '.' or ',' or ':' or ';' or '·' => .318,
            '\'' => .275,
            '"' => .46,
            '-' => .361,
            '–' => .5,
            '—' => 1.0,
            '−' or '+' or '=' or '<' or '>' or '×' or '±' or '#' => .838,
            '%' => .95,
            '(' or ')' or '[' or ']' or '{' or '}' => .39,
            '/' or '\\' or '|' => .337,
            '_' or '*' or '°' => .5,
            '&' => .78,
            '?' => .531,
            '!' => .4,
            '…' => 1.0,
            '€' or '$' => .636,
            '@' => 1.0,
            _ when c >= '\u2E80' => 1.0, // CJK and other wide scripts
            _ => .62,
        };
    }

    /// <summary>Truncates <paramref name="text"/> with an ellipsis so that it fits in <paramref name="maxWidth"/>.</summary>
    public static string Truncate(string text, double fontSize, double maxWidth)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }

        double ellipsis = Width("…", fontSize);
        var sb = new StringBuilder();
        double w = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            string el = e.GetTextElement();
            double cw = Width(el, fontSize);
            if (w + cw + ellipsis > maxWidth)
            {
                break;
            }

            sb.Append(el);
            w += cw;
        }

        return sb.ToString().TrimEnd() + "…";
    }
}
