using System.Globalization;

namespace Alliances.Charts;

/// <summary>
/// Sequential colour scale obtained by linear RGB interpolation between evenly spaced anchor colours.
/// <see cref="Viridis"/> (perceptually ordered, colour-blind safe) is the default for heatmaps.
/// </summary>
public sealed class SequentialColorScale
{
    private readonly (double R, double G, double B)[] _anchors;

    /// <summary>Creates a scale from at least two "#RRGGBB" anchors, low to high.</summary>
    public SequentialColorScale(IReadOnlyList<string> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count < 2)
        {
            throw new ArgumentException("A sequential colour scale needs at least two anchor colours.", nameof(anchors));
        }

        _anchors = anchors.Select(ParseHex).ToArray();
        Anchors = anchors.ToArray();
    }

    /// <summary>Viridis (matplotlib), sampled at 9 evenly spaced anchors.</summary>
    public static SequentialColorScale Viridis { get; } = new(
    [
        "#440154", "#472C7A", "#3B528B", "#2C728E", "#21918C", "#28AE80", "#5EC962", "#ADDC30", "#FDE725",
    ]);

    /// <summary>The anchor colours, low to high.</summary>
    public IReadOnlyList<string> Anchors { get; }

    /// <summary>Colour at position <paramref name="t"/> ∈ [0, 1] (clamped; NaN gives the low end).</summary>
    public string ColorAt(double t)
    {
        if (double.IsNaN(t))
        {
            t = 0;
        }

        t = Math.Clamp(t, 0, 1);
        double pos = t * (_anchors.Length - 1);
        int i = Math.Min((int)Math.Floor(pos), _anchors.Length - 2);
        double f = pos - i;
        var a = _anchors[i];
        var b = _anchors[i + 1];
        return ToHex(a.R + (b.R - a.R) * f, a.G + (b.G - a.G) * f, a.B + (b.B - a.B) * f);
    }

    private static (double, double, double) ParseHex(string hex)
    {
        if (hex is null || hex.Length != 7 || hex[0] != '#' ||
            !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v))
        {
            throw new ArgumentException($"Colour '{hex}' is not of the form #RRGGBB.", nameof(hex));
        }

        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    private static string ToHex(double r, double g, double b)
    {
        static int C(double x) => (int)Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), 0, 255);
        return "#" + C(r).ToString("X2", CultureInfo.InvariantCulture)
                   + C(g).ToString("X2", CultureInfo.InvariantCulture)
                   + C(b).ToString("X2", CultureInfo.InvariantCulture);
    }
}
