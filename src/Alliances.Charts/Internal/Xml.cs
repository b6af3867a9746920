using System.Text;

namespace Alliances.Charts.Internal;

/// <summary>XML escaping of user text (labels, titles, descriptions).</summary>
internal static class Xml
{
    /// <summary>
    /// Escapes the five XML special characters and replaces characters that XML 1.0 forbids
    /// (control characters, lone surrogates) by U+FFFD, so the result is always well-formed.
    /// Line breaks and tabs are turned into spaces (SVG text is single-line).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsWork(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\n' or '\r' or '\t': sb.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (IsXmlChar(c))
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text)
    {
        foreach (char c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' or '\n' or '\r' or '\t' || char.IsSurrogate(c) || !IsXmlChar(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsXmlChar(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
