using System.CommandLine.Parsing;
using System.Globalization;

namespace Alliances.Cli.Infrastructure;

/// <summary>Option parsers with readable errors (the default ones name CLR types), culture-independent.</summary>
public static class CliParsers
{
    /// <summary>For <c>Option&lt;ulong?&gt;</c>: an integer from 0 to 2^64 − 1.</summary>
    public static Func<ArgumentResult, ulong?> UInt64(string optionName) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        result.AddError($"{optionName}: '{text}' is not an integer from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}");
        return null;
    };

    /// <summary>For <c>Option&lt;int?&gt;</c>: an integer within [min, max].</summary>
    public static Func<ArgumentResult, int?> Int32(string optionName, int min, int max) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        result.AddError($"{optionName}: '{text}' is not an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    };
}
