using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>Text for <c>alliances describe</c>: what a scenario treats as uncertain and what it explores.</summary>
public static class UncertaintyListing
{
    /// <summary>Lines (no trailing newlines) listing the factors of <c>sensitivity</c> and <c>robustness</c>; each factor on a
    /// line "  - name  distribution  origin".</summary>
    public static IReadOnlyList<string> Format(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Uncertainty;
        var lines = new List<string>();
        var parameters = Factors.For(scenario);
        lines.Add($"Uncertain parameters ({parameters.Count}; registry tags included: {UncertaintySpec.FormatTags(spec.IncludeTags)}):");
        if (parameters.Count == 0) lines.Add("  (none)");
        int width = Math.Max(30, parameters.Select(f => f.Name.Length).DefaultIfEmpty(0).Max() + 2);
        foreach (var f in parameters)
            lines.Add($"  - {f.Name.PadRight(width)}{f.DistributionText.PadRight(34)}{f.Origin} [{f.Parameter!.Tag}]");
        if (spec.Exclude.Count > 0) lines.Add($"  excluded: {string.Join(", ", spec.Exclude)}");
        var left = P.All.Where(p => p.High > p.Low && (p.Tag is Evidence.U or Evidence.A) && parameters.All(f => f.Name != p.Name)
                                    && !spec.Exclude.Contains(p.Name) && !scenario.Parameters.ContainsKey(p.Name)).ToList();
        if (left.Count > 0)
            lines.Add($"  not included: {left.Count} other [U]/[A] parameters at their defaults (\"uncertainty\": {{\"includeRegistry\": [\"U\", \"A\"]}} or --include U,A)");

        lines.Add($"Explored levers ({spec.Explore.Count}):");
        if (spec.Explore.Count == 0) lines.Add("  (none)");
        foreach (var e in spec.Explore)
        {
            var f = Factor.ForLever(e);
            lines.Add($"  - {f.Name.PadRight(width)}{f.DistributionText}");
        }
        return lines;
    }
}
