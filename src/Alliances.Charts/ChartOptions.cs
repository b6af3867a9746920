using System.Text.RegularExpressions;

namespace Alliances.Charts;

/// <summary>Inclusive numeric axis range fixed by the caller (ticks are then placed inside it).</summary>
public readonly record struct AxisRange(double Min, double Max)
{
    internal void Validate(string what)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !(Min < Max))
        {
            throw new ArgumentException($"{what} range must be finite with Min < Max (got [{Min}, {Max}]).");
        }
    }
}

/// <summary>Rendering options shared by every chart type.</summary>
public sealed partial record ChartOptions
{
    /// <summary>Default options: 720 × 440 px, 12 px text, Okabe-Ito palette.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>Width of the SVG in px (also the viewBox width).</summary>
    public double Width { get; init; } = 720;

    /// <summary>Height of the SVG in px (also the viewBox height).</summary>
    public double Height { get; init; } = 440;

    /// <summary>
    /// Prefix of every id in the SVG (title, desc, clip paths, gradients). Give each chart of a page a
    /// distinct prefix. Must match <c>[A-Za-z_][A-Za-z0-9_-]*</c>. When null a deterministic prefix is
    /// derived from the chart type and title.
    /// </summary>
    public string? IdPrefix { get; init; }

    /// <summary>Generic system font stack; no web fonts are ever referenced.</summary>
    public string FontFamily { get; init; } = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>Base font size in px (title is 1.25 ×, tick labels 0.92 ×).</summary>
    public double FontSize { get; init; } = 12;

    /// <summary>Categorical colours, assigned in series order (cycled).</summary>
    public IReadOnlyList<string> Palette { get; init; } = Charts.Palette.OkabeIto;

    /// <summary>Background fill; null for a transparent background.</summary>
    public string? Background { get; init; } = "#FFFFFF";

    /// <summary>Whether the legend is drawn (for chart types that have one).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Outer padding in px.</summary>
    public double Padding { get; init; } = 10;

    internal void Validate()
    {
        if (!double.IsFinite(Width) || Width < 60 || !double.IsFinite(Height) || Height < 40)
        {
            throw new ArgumentException($"Chart size must be at least 60 × 40 px (got {Width} × {Height}).");
        }

        if (!double.IsFinite(FontSize) || FontSize <= 0)
        {
            throw new ArgumentException($"FontSize must be positive (got {FontSize}).");
        }

        if (!double.IsFinite(Padding) || Padding < 0)
        {
            throw new ArgumentException($"Padding must be non-negative (got {Padding}).");
        }

        if (IdPrefix is not null && !IdPattern().IsMatch(IdPrefix))
        {
            throw new ArgumentException(
                $"IdPrefix '{IdPrefix}' is invalid: use letters, digits, '_' or '-', starting with a letter or '_'.");
        }

        if (Palette is null)
        {
            throw new ArgumentException("Palette must not be null.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
