using Alliances.Model;

namespace Alliances.Workshop.Catalog;

/// <summary>Short names of the metrics for the page; definitions come from <see cref="MetricCatalog"/>.</summary>
public static class MetricTexts
{
    /// <summary>Metrics shown in the differences table and forest plot, in this order (indices first, then what moved).</summary>
    public static IReadOnlyList<string> Shown { get; } =
    [
        "cohesion_index", "equity_index",
        "mobilization", "network_cohesion", "shared_vision", "priority_alignment", "regional_priority_coverage",
        "territorial_gini", "worst_territory_progress", "capacity_gap", "funding_need_concordance", "isolated_share",
        "experts_voice", "experts_retention", "expert_participation", "expert_exits",
        "prefet_engagement", "regional_projects", "projects_funded", "leverage", "effectiveness", "sustainability",
    ];

    private static readonly Dictionary<string, Text> Labels = new(StringComparer.Ordinal)
    {
        ["cohesion_index"] = new("Cohésion (indice)", "Cohesion (index)"),
        ["priority_alignment"] = new("Alignement sur les priorités régionales", "Alignment with regional priorities"),
        ["regional_priority_coverage"] = new("Couverture des priorités régionales", "Regional priority coverage"),
        ["shared_vision"] = new("Vision partagée", "Shared vision"),
        ["network_cohesion"] = new("Cohésion du réseau", "Network cohesion"),
        ["mobilization"] = new("Mobilisation", "Mobilization"),
        ["equity_index"] = new("Équité (indice)", "Equity (index)"),
        ["territorial_gini"] = new("Inégalité entre territoires (Gini)", "Inequality across territories (Gini)"),
        ["worst_territory_progress"] = new("Progrès du territoire le moins avancé", "Progress of the least advanced territory"),
        ["capacity_gap"] = new("Écart de capacité entre territoires", "Capacity gap between territories"),
        ["funding_need_concordance"] = new("Concordance financement–besoins", "Funding–need concordance"),
        ["experts_voice"] = new("Voix des personnes expertes", "Voice of experts de vécu"),
        ["experts_retention"] = new("Rétention des personnes expertes", "Retention of experts de vécu"),
        ["effectiveness"] = new("Efficacité (progrès par M$)", "Effectiveness (progress per M$)"),
        ["sustainability"] = new("Pérennité (capacité collective)", "Sustainability (collective capacity)"),
        ["projects_funded"] = new("Projets financés", "Projects funded"),
        ["projects_per_territory"] = new("Projets par territoire", "Projects per territory"),
        ["mean_progress"] = new("Progrès moyen", "Mean progress"),
        ["observed_alignment"] = new("Alignement déclaré", "Reported alignment"),
        ["regional_projects"] = new("Projets régionaux", "Regional projects"),
        ["ratification_rate"] = new("Taux de ratification", "Ratification rate"),
        ["prefet_engagement"] = new("Engagement des préfets", "Préfets' engagement"),
        ["regional_engagement"] = new("Engagement des acteurs régionaux", "Regional actors' engagement"),
        ["local_engagement"] = new("Engagement des acteurs locaux", "Local actors' engagement"),
        ["expert_participation"] = new("Sièges d'experts occupés", "Expert seats filled"),
        ["expert_exits"] = new("Départs de personnes expertes", "Exits of experts de vécu"),
        ["leverage"] = new("Effet de levier (apport des partenaires)", "Leverage (partner money)"),
        ["isolated_share"] = new("Territoires isolés (part)", "Isolated territories (share)"),
    };

    public static Text Label(string metric) => Labels.TryGetValue(metric, out var t) ? t : new Text(metric, metric);

    public static Text Definition(MetricDef m) => new(m.Fr, m.En);

    public static MetricDef Def(string metric) =>
        MetricCatalog.TryGet(metric, out var d) ? d : throw new ArgumentException($"unknown metric '{metric}'");

    /// <summary>Decimals for prose and tables: 3 on 0–1 scales (differences are small), 2 for ratios (leverage,
    /// effectiveness), 1 for counts.</summary>
    public static int Decimals(MetricDef m) => m.Max - m.Min <= 2 ? 3 : m.Max - m.Min <= 50 ? 2 : 1;
}
