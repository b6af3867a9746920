using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>
/// Base of every chart specification. Chart specifications are immutable records; <see cref="ToSvg"/>
/// renders them to a self-contained SVG string (no XML declaration, no external resources), suitable
/// both as a standalone .svg file and for inlining in HTML.
/// </summary>
/// <remarks>
/// Collections held by chart records are compared by reference by the generated record equality.
/// Rendering is deterministic: the same specification always gives byte-identical output, whatever
/// the current culture.
/// </remarks>
public abstract record Chart
{
    /// <summary>Visible title, also used as the SVG &lt;title&gt; (accessible name).</summary>
    public string Title { get; init; } = "";

    /// <summary>Alternative text written to the SVG &lt;desc&gt;; a default is built from the title and content when null.</summary>
    public string? Description { get; init; }

    /// <summary>Size, id prefix, fonts, palette.</summary>
    public ChartOptions Options { get; init; } = ChartOptions.Default;

    /// <summary>Human-readable chart type, e.g. "Line chart with uncertainty bands".</summary>
    public abstract string Kind { get; }

    /// <summary>Renders the chart to an SVG document string.</summary>
    /// <exception cref="ArgumentException">The specification is invalid (e.g. mismatched lengths).</exception>
    public string ToSvg()
    {
        if (Options is null)
        {
            throw new ArgumentException("Options must not be null.");
        }

        Options.Validate();
        Validate();
        var canvas = new Canvas(this, Description ?? DefaultDescription());
        Render(canvas);
        return canvas.Finish();
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the specification is inconsistent.</summary>
    private protected abstract void Validate();

    private protected abstract string DefaultDescription();

    private protected abstract void Render(Canvas canvas);

    /// <summary>Joins names for default descriptions, e.g. "A, B and 3 more".</summary>
    private protected static string NameList(IEnumerable<string> names, int max = 8)
    {
        var list = names.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (list.Count <= max)
        {
            return string.Join(", ", list);
        }

        return string.Join(", ", list.Take(max)) + $" and {list.Count - max} more";
    }

    private protected string Describe(string details)
    {
        string head = string.IsNullOrWhiteSpace(Title) ? Kind : $"{Kind}: {Title.Trim()}";
        return string.IsNullOrWhiteSpace(details) ? head + "." : $"{head}. {details}";
    }

    private protected static string AxesText(string xLabel, string yLabel)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(xLabel))
        {
            parts.Add($"horizontal axis: {xLabel.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(yLabel))
        {
            parts.Add($"vertical axis: {yLabel.Trim()}");
        }

        return parts.Count == 0 ? "" : Capitalize(string.Join("; ", parts)) + ".";
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
