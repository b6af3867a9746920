using System.Globalization;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Validation;

/// <summary>
/// Calibration target (c): the distributions of Tableau 6 over the seven regions of the governance analysis
/// (report L2010-2082; brief §6), and the cells of the archetypes table stated by the report (S), as a structural check of
/// the designs of the as-is scenario. These are inputs, not outputs to fit.
/// </summary>
public static class Tableau6
{
    public const int Regions = 7;

    /// <summary>One dimension: its name, the expected counts (label → count) and how a design is classified.</summary>
    public sealed record Dimension(string Name, IReadOnlyList<(string Label, int Count)> Expected, Func<Levers, string?> Classify);

    private static string? TableFlag(Levers l, bool flag) => l.RegionalTable ? (flag ? "yes" : "no") : null;

    /// <summary>The dimensions checked. A null classification means "not applicable" (e.g. composition without a table).</summary>
    public static IReadOnlyList<Dimension> Dimensions { get; } =
    [
        new("regional decision body", [("TableDesPrefets", 5), ("RegionalTable", 2)], l => l.DecisionBody.ToString()),
        new("regional table", [("none", 2), ("exists", 5)], l => l.RegionalTable ? "exists" : "none"),
        new("table has elected or MRC representatives", [("yes", 5), ("no", 0)], l => TableFlag(l, l.TableHasElected)),
        new("table has all local territories", [("yes", 4), ("no", 1)], l => TableFlag(l, l.TableHasLocalConcertations)),
        new("table has regional sectoral partners", [("yes", 4), ("no", 1)], l => TableFlag(l, l.TableHasSectoralPartners)),
        new("table has experts de vécu", [("yes", 1), ("no", 4)], l => TableFlag(l, l.TableHasExperts)),
        new("regional process", [("priorities + local autonomy", 4), ("vision + synergy", 3)],
            l => l.StrategicDevice is StrategicDevice.Fiches or StrategicDevice.Chantiers ? "vision + synergy" : "priorities + local autonomy"),
        new("partners' regional role", [("NotSolicited", 3), ("Administrative", 2), ("Anchoring", 2)], l => l.PartnerRole.ToString()),
        new("local decision", [("MrcCoSignatory", 2), ("MrcRecommends", 2), ("ConcertationRecommends", 3)], l => l.LocalDecision.ToString()),
        new("FQIS management", [("Centralised", 3), ("Shared", 2), ("TwoTier", 2)], l => l.ManagementMode.ToString()),
        new("regional share", [("0 %", 1), ("8 %", 1), ("10 %", 3), ("15 %", 1), ("25 %", 1)],
            l => (l.RegionalShare * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %"),
    ];

    /// <summary>Observed counts of a dimension over the designs, in the order of the expected labels then any other label.</summary>
    public static IReadOnlyList<(string Label, int Count)> Observed(Dimension d, IEnumerable<Levers> designs)
    {
        var counts = designs.Select(d.Classify).Where(x => x is not null).GroupBy(x => x!).ToDictionary(g => g.Key, g => g.Count());
        var result = d.Expected.Select(e => (e.Label, counts.GetValueOrDefault(e.Label))).ToList();
        result.AddRange(counts.Where(kv => d.Expected.All(e => e.Label != kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        return result;
    }

    public static string Format(IEnumerable<(string Label, int Count)> counts) =>
        string.Join(" / ", counts.Select(c => $"{c.Count} {c.Label}"));

    /// <summary>
    /// The cells of the archetypes table stated by the report (S), as predicates over the seven designs; each returns
    /// null when satisfied, else what is wrong.
    /// </summary>
    public static IReadOnlyList<(string Cell, Func<IReadOnlyList<NamedDesign>, string?> Check)> StatedCells { get; } =
    [
        ("MRC co-signatory regions: no regional table, two-tier management, partners not solicited", ds =>
        {
            var co = ds.Where(d => d.Levers.LocalDecision == LocalDecisionPath.MrcCoSignatory).ToList();
            var bad = co.Where(d => d.Levers.RegionalTable || d.Levers.ManagementMode != ManagementMode.TwoTier || d.Levers.PartnerRole != PartnerRole.NotSolicited);
            return bad.Any() ? "not so in " + string.Join(", ", bad.Select(d => d.Name)) : null;
        }),
        ("MRC co-signatory regions: priorities + local autonomy", ds =>
        {
            var bad = ds.Where(d => d.Levers.LocalDecision == LocalDecisionPath.MrcCoSignatory
                                    && d.Levers.StrategicDevice is StrategicDevice.Fiches or StrategicDevice.Chantiers);
            return bad.Any() ? "not so in " + string.Join(", ", bad.Select(d => d.Name)) : null;
        }),
        ("structured regions: partners anchor, chantiers or fiches, 15 % and 25 %", ds =>
        {
            var anchoring = ds.Where(d => d.Levers.PartnerRole == PartnerRole.Anchoring).ToList();
            var shares = anchoring.Select(d => Math.Round(d.Levers.RegionalShare, 4)).OrderBy(x => x).ToList();
            if (!shares.SequenceEqual([0.15, 0.25])) return $"anchoring designs have shares {string.Join(", ", shares)}";
            var bad = anchoring.Where(d => d.Levers.StrategicDevice is not (StrategicDevice.Fiches or StrategicDevice.Chantiers));
            return bad.Any() ? "no chantiers or fiches in " + string.Join(", ", bad.Select(d => d.Name)) : null;
        }),
        ("inclusive region: a table with every actor type including experts de vécu", ds =>
        {
            var withExperts = ds.Where(d => d.Levers.RegionalTable && d.Levers.TableHasExperts).ToList();
            if (withExperts.Count != 1) return $"{withExperts.Count} designs seat experts on a regional table";
            var l = withExperts[0].Levers;
            return l.TableHasElected && l.TableHasLocalConcertations && l.TableHasSectoralPartners ? null : $"{withExperts[0].Name} lacks an actor type";
        }),
    ];
}
