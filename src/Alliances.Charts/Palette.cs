namespace Alliances.Charts;

/// <summary>Colour-blind-safe categorical palette (Okabe &amp; Ito 2008), assigned in series order.</summary>
public static class Palette
{
    /// <summary>Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } =
    [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
    ];

    /// <summary>Colour of the series at <paramref name="index"/> (cycles after 8).</summary>
    public static string Categorical(int index) => OkabeIto[Mod(index, OkabeIto.Count)];

    internal static string Pick(IReadOnlyList<string> palette, int index) =>
        palette.Count == 0 ? Categorical(index) : palette[Mod(index, palette.Count)];

    private static int Mod(int i, int n) => ((i % n) + n) % n;
}
