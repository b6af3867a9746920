using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>A numeric lever of one design explored over [Low, High] (scenario field <c>uncertainty.explore</c>).</summary>
public sealed record ExploredLever(string Design, string Lever, double Low, double High)
{
    /// <summary>Factor name: "design.lever".</summary>
    public string Name => Design + "." + Lever;
}

/// <summary>
/// What a scenario declares as uncertain and as explored, beyond the distributions of its <c>parameters</c>
/// (scenario field <c>"uncertainty"</c>):
/// <code>
/// "uncertainty": {
///   "includeRegistry": "U",            // "none" | "U" | "A" | "all" | ["U", "A", ...]: registry parameters with these
///                                      // evidence tags are also uncertain, uniform over their [Low, High] (default "U")
///   "exclude": ["money.approval_months"],   // never factors (kept at their scenario value or distribution)
///   "explore": { "balanced.regionalShare": [0, 0.4] }   // numeric levers of a design, uniform over [low, high]
/// }
/// </code>
/// Parameters the scenario fixes (a number or <c>{"fixed": v}</c>) are never made uncertain by <c>includeRegistry</c>.
/// </summary>
public sealed record UncertaintySpec
{
    /// <summary>Evidence tags of the registry parameters treated as uniform over [Low, High] by default: [U].</summary>
    public static IReadOnlyList<Evidence> DefaultTags { get; } = [Evidence.U];

    public static UncertaintySpec Default { get; } = new();

    /// <summary>Registry parameters with one of these tags (and Low &lt; High) are factors, unless the scenario fixes them.</summary>
    public IReadOnlyList<Evidence> IncludeTags { get; init; } = DefaultTags;

    /// <summary>Parameter names that are never factors.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Explored levers, in file order.</summary>
    public IReadOnlyList<ExploredLever> Explore { get; init; } = [];

    /// <summary>Parses "none", "U", "A", "all" or a comma-separated list of tags (S, T, Lit, R, U, A), case-insensitive.</summary>
    public static bool TryParseTags(string text, out IReadOnlyList<Evidence> tags, out string error)
    {
        tags = [];
        error = "";
        var t = text.Trim();
        if (t.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            tags = Enum.GetValues<Evidence>();
            return true;
        }
        var list = new List<Evidence>();
        foreach (var raw in t.Split(',', '+'))
        {
            var name = raw.Trim();
            if (!TryParseTag(name, out var e))
            {
                error = $"'{name}' is not an evidence tag; use none, all, or tags among {string.Join(", ", Enum.GetNames<Evidence>())}";
                return false;
            }
            if (!list.Contains(e)) list.Add(e);
        }
        tags = list.Order().ToArray();
        return true;
    }

    public static bool TryParseTag(string name, out Evidence tag)
    {
        foreach (var e in Enum.GetValues<Evidence>())
        {
            if (string.Equals(e.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                tag = e;
                return true;
            }
        }
        tag = default;
        return false;
    }

    /// <summary>"none", "all" or the tags joined by '+', e.g. "U+A".</summary>
    public static string FormatTags(IReadOnlyList<Evidence> tags) =>
        tags.Count == 0 ? "none" : tags.Count == Enum.GetValues<Evidence>().Length ? "all" : string.Join("+", tags.Order());
}
