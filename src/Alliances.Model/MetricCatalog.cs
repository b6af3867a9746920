namespace Alliances.Model;

/// <summary>Which direction of a metric is "better" (declared once, used by every comparison).</summary>
public enum Better : byte { Higher, Lower, Neither }

/// <summary>A metric: snake_case column name, declared range, direction, and a one-line definition in French and English.</summary>
public sealed record MetricDef(int Index, string Name, double Min, double Max, Better Better, string Fr, string En, bool Core);

/// <summary>
/// Every output metric, defined once (brief §8). Region-scope metrics are computed monthly and at the end by
/// <see cref="MetricsCalculator"/>; territory-scope metrics are listed in <see cref="Territory"/>.
/// </summary>
public static class MetricCatalog
{
    private static readonly List<MetricDef> _all = [];
    public static IReadOnlyList<MetricDef> All => _all;
    public static int Count => _all.Count;

    private static int Def(string name, double min, double max, Better better, string fr, string en, bool core = true)
    {
        _all.Add(new MetricDef(_all.Count, name, min, max, better, fr, en, core));
        return _all.Count - 1;
    }

    // Cohesion
    public static readonly int CohesionIndex = Def("cohesion_index", 0, 1, Better.Higher,
        "Moyenne des cinq composantes de cohésion", "Mean of the five cohesion components");
    public static readonly int PriorityAlignment = Def("priority_alignment", 0, 1, Better.Higher,
        "Part des projets financés qui visent au moins une priorité régionale", "Share of funded projects targeting at least one regional priority");
    public static readonly int RegionalPriorityCoverage = Def("regional_priority_coverage", 0, 1, Better.Higher,
        "Moyenne des parts des priorités régionales couvertes par un projet et par un projet régional", "Mean of the shares of regional priorities covered by any project and by a regional project");
    public static readonly int SharedVision = Def("shared_vision", 0, 1, Better.Higher,
        "1 − 2 × distance moyenne entre les priorités des tables locales et les priorités régionales", "1 − 2 × mean distance between local tables' and regional priorities");
    public static readonly int NetworkCohesion = Def("network_cohesion", 0, 1, Better.Higher,
        "Moyenne de la force des liens locaux et des ponts entre territoires", "Mean of local tie strength and bridges between territories");
    public static readonly int Mobilization = Def("mobilization", 0, 1, Better.Higher,
        "Engagement moyen des préfets, partenaires, tables locales et organismes", "Mean engagement of préfets, partners, local tables and organisations");
    // Equity
    public static readonly int EquityIndex = Def("equity_index", 0, 1, Better.Higher,
        "Moyenne des cinq composantes d'équité", "Mean of the five equity components");
    public static readonly int TerritorialGini = Def("territorial_gini", 0, 1, Better.Lower,
        "Coefficient de Gini des progrès entre territoires", "Gini coefficient of progress across territories");
    public static readonly int WorstTerritoryProgress = Def("worst_territory_progress", 0, 1, Better.Higher,
        "Progrès du territoire le moins avancé", "Progress of the territory that progressed least");
    public static readonly int CapacityGap = Def("capacity_gap", -1, 1, Better.Lower,
        "Écart de capacité entre le tiers des territoires les mieux dotés au départ et le tiers le moins doté", "Capacity of the best-resourced third of territories minus the least-resourced third");
    public static readonly int FundingNeedConcordance = Def("funding_need_concordance", 0, 1, Better.Higher,
        "1 − distance entre la répartition du financement et celle des besoins", "1 − distance between the distribution of funding and of needs");
    public static readonly int ExpertsVoice = Def("experts_voice", 0, 1, Better.Higher,
        "Influence perçue des personnes expertes de vécu, sièges vacants comptés à zéro", "Perceived influence of experts de vécu, vacant seats counted as zero");
    // Participation, effectiveness, sustainability, portfolio
    public static readonly int ExpertsRetention = Def("experts_retention", 0, 1, Better.Higher,
        "Part des personnes expertes ayant siégé qui siègent encore", "Share of experts ever seated who still sit");
    public static readonly int Effectiveness = Def("effectiveness", 0, 50, Better.Higher,
        "Progrès pondéré par la population par M$ dépensé en projets", "Population-weighted progress per M$ spent on projects");
    public static readonly int Sustainability = Def("sustainability", 0, 1, Better.Higher,
        "Capacité collective en fin de période (locale et régionale)", "Collective capacity at the end (local and regional)");
    public static readonly int ProjectsFunded = Def("projects_funded", 0, Initialization.MaxProjects, Better.Neither,
        "Nombre de projets financés", "Number of projects funded");
    public static readonly int ProjectsPerTerritory = Def("projects_per_territory", 0, Initialization.MaxProjects, Better.Neither,
        "Projets rejoignant chaque territoire, en moyenne", "Projects reaching each territory, on average");
    // Secondary metrics (diagnostics and calibration targets)
    public static readonly int MeanProgress = Def("mean_progress", 0, 1, Better.Higher,
        "Progrès moyen des territoires", "Mean territory progress", false);
    public static readonly int ObservedAlignment = Def("observed_alignment", 0, 1, Better.Higher,
        "Alignement tel que déclaré, avec erreurs d'étiquetage", "Alignment as reported, with labelling errors", false);
    public static readonly int RegionalProjects = Def("regional_projects", 0, Initialization.MaxProjects, Better.Neither,
        "Nombre de projets régionaux financés", "Number of regional projects funded", false);
    public static readonly int RatificationRate = Def("ratification_rate", 0, 1, Better.Neither,
        "Part des recommandations locales ratifiées (1 s'il n'y en a pas eu)", "Share of local recommendations ratified (1 when there were none)", false);
    public static readonly int PrefetEngagement = Def("prefet_engagement", 0, 1, Better.Higher,
        "Engagement des préfets comme collaborateurs", "Préfets' engagement as collaborators", false);
    public static readonly int RegionalEngagement = Def("regional_engagement", 0, 1, Better.Higher,
        "Engagement des acteurs régionaux (préfets, partenaires sectoriels)", "Engagement of regional actors (préfets, sectoral partners)", false);
    public static readonly int LocalEngagement = Def("local_engagement", 0, 1, Better.Higher,
        "Engagement des acteurs locaux (tables locales, organismes)", "Engagement of local actors (local tables, organisations)", false);
    public static readonly int ExpertParticipation = Def("expert_participation", 0, 1, Better.Higher,
        "Part des sièges d'expertes et experts de vécu occupés", "Share of expert seats filled", false);
    public static readonly int ExpertExits = Def("expert_exits", 0, 100_000, Better.Lower,
        "Départs de personnes expertes de vécu", "Exits of experts de vécu", false);
    public static readonly int Leverage = Def("leverage", 0, 10, Better.Higher,
        "Argent des partenaires par dollar du FQIS engagé", "Partner money per FQIS dollar committed", false);
    public static readonly int IsolatedShare = Def("isolated_share", 0, 1, Better.Lower,
        "Part des territoires isolés (sans projet, ou faible capacité et faible progrès)", "Share of isolated territories (no project, or low capacity and low progress)", false);

    /// <summary>Territory-scope metrics written on territory rows of the time series.</summary>
    public static class Territory
    {
        public static readonly string[] Names = ["progress", "capacity", "engagement", "funding_musd", "projects"];
        public const int Progress = 0, Capacity = 1, Engagement = 2, Funding = 3, Projects = 4;
        public static int Count => Names.Length;
    }

    public static bool TryGet(string name, out MetricDef def)
    {
        foreach (var m in _all) if (m.Name == name) { def = m; return true; }
        def = null!;
        return false;
    }
}
