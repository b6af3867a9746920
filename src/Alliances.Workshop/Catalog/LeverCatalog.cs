using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Workshop.Catalog;

/// <summary>A group of levers on the page.</summary>
public sealed record LeverGroup(string Id, Text Title);

/// <summary>One allowed value of an enum lever, with its label.</summary>
public sealed record LeverOption(string Value, Text Label);

/// <summary>
/// A lever as the workshop shows it: the scenario-file name and type/range from <see cref="LeverFields"/> (the single
/// source of truth for validation), plus a label and a one-line plain explanation in French and English.
/// </summary>
public sealed record WorkshopLever(LeverField Field, string Group, bool Main, Text Label, Text Help, IReadOnlyList<LeverOption> Options)
{
    public string Name => Field.JsonName;

    /// <summary>"bool", "int", "number" or "enum".</summary>
    public string Type => Field.IsBool ? "bool" : Field.IsInteger ? "int" : Field.IsNumber ? "number" : "enum";

    /// <summary>Shares shown as percentages on the page (the API takes the share, e.g. 0.2).</summary>
    public bool Percent => Field.JsonName is "regionalShare" or "coordinationShare" or "weakTerritorySupport"
        or "localOnlyTolerance" or "directiveStrength";

    /// <summary>Step of the page's slider (null for booleans and enums).</summary>
    public double? Step => Field.IsInteger ? 1 : !Field.IsNumber ? null : Name switch
    {
        "coordinationShare" => 0.01,
        "weakTerritorySupport" or "directiveStrength" => 0.1,
        _ => 0.05,
    };
}

/// <summary>
/// Every lever of <see cref="Levers"/> with workshop texts. The "main" levers are the ones the brief asks trainers to
/// move (regional table and its members, experts de vécu format, allowance and accompaniment, regional share, local
/// split, project generation, coordination funding, respondent seniority); the others sit under "other levers".
/// A lever added to the model without texts here still works (its name is shown); a test lists missing texts.
/// </summary>
public static class LeverCatalog
{
    public static IReadOnlyList<LeverGroup> Groups { get; } =
    [
        new("table", new("Table régionale", "Regional table")),
        new("experts", new("Personnes expertes de vécu", "Experts de vécu (lived experience)")),
        new("money", new("Argent", "Money")),
        new("projects", new("Projets et décisions", "Projects and decisions")),
        new("support", new("Coordination et accompagnement", "Coordination and support")),
    ];

    private sealed record Entry(string Group, bool Main, Text Label, Text Help);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        // Regional table (L06, L07) ------------------------------------------------------------------------------
        ["regionalTable"] = new("table", true,
            new("Table régionale de concertation", "Regional concertation table"),
            new("Un lieu où les acteurs de la région se rencontrent chaque mois : les liens et une vision commune s'y construisent.",
                "A place where the region's actors meet every month: ties and a shared vision are built there.")),
        ["tableHasElected"] = new("table", true,
            new("… avec des personnes élues (préfets)", "… with elected officials (préfets)"),
            new("Les préfets y échangent avec les autres acteurs ; leur engagement monte, mais des tensions élus–partenaires peuvent apparaître.",
                "Préfets exchange with other actors there; their engagement rises, but tensions between elected officials and partners may appear.")),
        ["tableHasLocalConcertations"] = new("table", true,
            new("… avec les concertations locales", "… with the local concertations"),
            new("Les tables locales y sont représentées : elles suivent mieux les priorités régionales.",
                "Local tables sit there: they follow regional priorities more closely.")),
        ["tableHasSectoralPartners"] = new("table", true,
            new("… avec les partenaires sectoriels", "… with sectoral partners"),
            new("Santé, éducation, emploi… à la table : moins de travail en silo et plus de partenaires dans les projets.",
                "Health, education, employment… at the table: less silo work and more partners in projects.")),
        ["tableHasExperts"] = new("table", true,
            new("… avec des personnes expertes de vécu", "… with experts de vécu"),
            new("Des personnes en situation de pauvreté siègent à la table régionale (cible 4) ; le jargon peut les décourager sans accompagnement.",
                "People living in poverty sit on the regional table (target 4); jargon can discourage them without accompaniment.")),
        ["decisionBody"] = new("table", false,
            new("Instance qui décide au régional", "Regional decision body"),
            new("La Table des préfets ou la table régionale prend les décisions finales de financement.",
                "The Table des préfets or the regional table takes the final funding decisions.")),
        ["partnerRole"] = new("table", false,
            new("Rôle des partenaires sectoriels", "Role of sectoral partners"),
            new("Non sollicités, administratifs ou ancrés dans la démarche : plus ils sont ancrés, plus ils s'engagent.",
                "Not solicited, administrative or anchored in the process: the more anchored, the more engaged.")),

        // Experts de vécu (L25-L28) ------------------------------------------------------------------------------------
        ["expertsPerBody"] = new("experts", true,
            new("Sièges de personnes expertes par instance", "Expert seats per body"),
            new("Siéger à deux ou plus, c'est moins isolant : les personnes se sentent plus à l'aise et restent plus longtemps.",
                "Sitting with at least one peer is less isolating: people feel more comfortable and stay longer.")),
        ["peerCommittee"] = new("experts", true,
            new("Comité de pairs (type AVEC)", "Peer committee (AVEC-style)"),
            new("Un comité régional de 4 à 12 personnes expertes analyse les projets et donne un avis sur chacun.",
                "A regional committee of 4 to 12 experts de vécu analyses projects and gives advice on each one.")),
        ["peerCommitteeSize"] = new("experts", false,
            new("Taille du comité de pairs", "Peer committee size"),
            new("Nombre de sièges du comité de pairs (4 à 12).", "Number of seats on the peer committee (4 to 12).")),
        ["expertsOnLocalTables"] = new("experts", true,
            new("Personnes expertes aux tables locales", "Experts on local tables"),
            new("Des sièges dans chaque concertation locale : plus de voix, mais il faut recruter dans chaque territoire.",
                "Seats on every local concertation: more voice, but people must be recruited in every territory.")),
        ["allowance"] = new("experts", true,
            new("Compensation des personnes expertes", "Compensation of experts"),
            new("Rembourser les frais, verser un jeton ou une allocation normée : plus la compensation est juste, plus on recrute et on garde.",
                "Cover costs, pay a stipend or a standard allowance: the fairer the compensation, the easier recruiting and keeping people.")),
        ["expertAccompaniment"] = new("experts", true,
            new("Accompagnement des personnes expertes", "Accompaniment of experts"),
            new("Un agent dédié prépare les rencontres et fait le suivi : plus d'aisance, moins de départs, recrutement plus facile.",
                "A dedicated agent prepares meetings and follows up: more comfort, fewer exits, easier recruitment.")),
        ["expertDecisionRule"] = new("experts", true,
            new("Suite donnée à leurs recommandations", "What happens to their recommendations"),
            new("Consultatif, consultatif avec rétroaction, ou part garantie : des refus répétés et inexpliqués font partir les gens.",
                "Advisory, advisory with feedback, or a guaranteed share: repeated, unexplained refusals make people leave.")),

        // Money (L08, L18, L20, L22) -----------------------------------------------------------------------------------
        ["regionalShare"] = new("money", true,
            new("Part régionale de l'enveloppe", "Regional share of the envelope"),
            new("Argent réservé à des projets régionaux qui rejoignent plusieurs territoires, souvent les plus démunis ; le reste va aux enveloppes locales.",
                "Money reserved for regional projects that reach several territories, often the neediest; the rest goes to local envelopes.")),
        ["localSplit"] = new("money", true,
            new("Répartition de l'enveloppe locale", "Split of the local envelope"),
            new("Parts égales, selon la population, selon la défavorisation, ou avec un bonus pour les territoires à faible capacité.",
                "Equal shares, by population, by deprivation, or with a top-up for low-capacity territories.")),
        ["regionalCoFunding"] = new("money", false,
            new("Cofinancement local des projets régionaux (si part à 0 %)", "Local co-funding of regional projects (at a 0% share)"),
            new("Sans part régionale, les territoires concernés peuvent financer ensemble un projet régional si leurs préfets y tiennent.",
                "Without a regional share, the territories concerned may fund a regional project together if their préfets are keen.")),
        ["coordinationShare"] = new("money", false,
            new("Part réservée à la coordination", "Share kept for coordination"),
            new("Part de chaque versement gardée pour payer la coordination ; trop peu et la coordination s'arrête en cours de route.",
                "Share of each payment kept to pay for coordination; too little and coordination stops midway.")),
        ["pooling"] = new("money", false,
            new("Mise en commun avec d'autres fonds", "Pooling with other funds"),
            new("Fonds municipal, philanthropie, santé publique : la mise en commun attire plus d'argent des partenaires.",
                "Municipal fund, philanthropy, public health: pooling attracts more partner money.")),
        ["projectDurationMonths"] = new("money", false,
            new("Durée des projets (mois)", "Project duration (months)"),
            new("Des projets plus longs structurent davantage mais engagent l'argent plus tôt.",
                "Longer projects are more structuring but commit money earlier.")),

        // Projects and decisions (L09, L11-L13, L23) ---------------------------------------------------------------------
        ["generationMode"] = new("projects", true,
            new("Comment naissent les projets", "How projects come about"),
            new("Appel de projets (chaque organisme dépose), démarche concertée (la table locale monte des projets collectifs) ou appel régional.",
                "Call for projects (each organisation applies), concerted approach (the local table builds joint projects) or a regional call.")),
        ["strategicDevice"] = new("projects", false,
            new("Dispositif stratégique régional", "Regional strategic device"),
            new("Chantiers ou fiches par priorité : plus de projets régionaux et des tables locales tirées vers les priorités communes.",
                "Chantiers or fiches per priority: more regional projects and local tables pulled toward shared priorities.")),
        ["planningRequirement"] = new("projects", false,
            new("Exigence de planification", "Planning requirement"),
            new("Une vraie stratégie structure la démarche mais retarde l'approbation de quelques mois.",
                "A full strategy structures the process but delays approval by a few months.")),
        ["localDecision"] = new("projects", false,
            new("Voie de décision locale", "Local decision path"),
            new("Qui recommande ou décide les projets locaux : la MRC, la concertation locale, ou seulement le régional.",
                "Who recommends or decides local projects: the MRC, the local concertation, or the region alone.")),
        ["localOnlyTolerance"] = new("projects", false,
            new("Tolérance aux projets hors priorités régionales", "Tolerance for projects outside regional priorities"),
            new("Chance qu'un projet qui ne vise aucune priorité régionale reste admissible.",
                "Chance that a project targeting no regional priority is still eligible.")),

        // Coordination and support (L01, L03, L04, L10, L14-L16, L32) ---------------------------------------------------
        ["coordination"] = new("support", true,
            new("Financement de la coordination", "Coordination funding"),
            new("Une animation financée et hébergée soutient la mobilisation bien plus qu'une coordination seulement administrative.",
                "Funded, hosted animation supports mobilisation far more than a purely administrative coordination.")),
        ["weakTerritorySupport"] = new("support", true,
            new("Temps d'animation réservé aux territoires fragiles", "Animation time reserved for weak territories"),
            new("Part du temps de l'animateur consacrée aux territoires à faible capacité : ils rattrapent les autres.",
                "Share of the animator's time given to low-capacity territories: they catch up with the others.")),
        ["respondentSeniority"] = new("support", true,
            new("Niveau du répondant ministériel", "Seniority of the ministry respondent"),
            new("Un répondant de niveau direction a plus d'influence auprès des préfets qu'un professionnel qui relaie l'information.",
                "A director-level respondent carries more weight with préfets than a professional relaying information.")),
        ["practiceCommunity"] = new("support", false,
            new("Communauté de pratique", "Community of practice"),
            new("Des échanges entre territoires (ou entre régions) aident les territoires moins outillés à apprendre des autres.",
                "Exchanges between territories (or regions) help less-equipped territories learn from the others.")),
        ["localMobilisationStaff"] = new("support", false,
            new("Agents de mobilisation locaux", "Local mobilisation staff"),
            new("Des agents dédiés dans chaque territoire renforcent le soutien local.",
                "Dedicated agents in every territory strengthen local support.")),
        ["ministryAccompaniment"] = new("support", false,
            new("Accompagnement ministériel", "Ministry accompaniment"),
            new("Aucun, uniforme, ou ciblé sur les régions peu expérimentées.", "None, uniform, or targeted at less experienced regions.")),
        ["directiveStrength"] = new("support", false,
            new("Force directive de la gouvernance provinciale", "Directive strength of provincial governance"),
            new("Des orientations plus précises ; au-delà d'un certain point, les élus résistent.",
                "More precise orientations; beyond a point, elected officials resist.")),
        ["evaluationSupport"] = new("support", false,
            new("Soutien à l'évaluation", "Evaluation support"),
            new("Un codage standard des priorités réduit les erreurs d'étiquetage des projets.",
                "Standard priority coding reduces labelling errors of projects.")),
        ["managementMode"] = new("support", false,
            new("Mode de gestion du FQIS", "FQIS management mode"),
            new("Centralisé, partagé ou à deux paliers : la charge administrative se répartit différemment.",
                "Centralised, shared or two-tier: the administrative burden falls differently.")),
    };

    private static readonly Dictionary<string, Text> EnumLabels = new(StringComparer.Ordinal)
    {
        ["DecisionBody.TableDesPrefets"] = new("Table des préfets", "Table des préfets"),
        ["DecisionBody.RegionalTable"] = new("Table régionale", "Regional table"),
        ["LocalDecisionPath.MrcCoSignatory"] = new("La MRC cosigne et décide", "The MRC co-signs and decides"),
        ["LocalDecisionPath.MrcRecommends"] = new("La MRC recommande", "The MRC recommends"),
        ["LocalDecisionPath.ConcertationRecommends"] = new("La concertation locale recommande", "The local concertation recommends"),
        ["LocalDecisionPath.RegionalOnly"] = new("Le régional choisit seul", "The region selects alone"),
        ["StrategicDevice.None"] = new("Aucun", "None"),
        ["StrategicDevice.PriorityMatching"] = new("Appariement aux priorités", "Priority matching"),
        ["StrategicDevice.Fiches"] = new("Fiches par priorité", "Fiches per priority"),
        ["StrategicDevice.Chantiers"] = new("Chantiers par priorité", "Chantiers per priority"),
        ["PartnerRole.NotSolicited"] = new("Non sollicités", "Not solicited"),
        ["PartnerRole.Administrative"] = new("Administratif", "Administrative"),
        ["PartnerRole.Anchoring"] = new("Ancrés dans la démarche", "Anchored in the process"),
        ["ManagementMode.Centralised"] = new("Centralisée", "Centralised"),
        ["ManagementMode.Shared"] = new("Partagée", "Shared"),
        ["ManagementMode.TwoTier"] = new("À deux paliers", "Two-tier"),
        ["LocalSplit.Equal"] = new("Parts égales", "Equal shares"),
        ["LocalSplit.Population"] = new("Selon la population", "By population"),
        ["LocalSplit.Deprivation"] = new("Selon la défavorisation", "By deprivation"),
        ["LocalSplit.CapacityCompensating"] = new("Défavorisation + bonus faible capacité", "Deprivation + low-capacity top-up"),
        ["GenerationMode.CallForProjects"] = new("Appel de projets", "Call for projects"),
        ["GenerationMode.Concerted"] = new("Démarche concertée", "Concerted approach"),
        ["GenerationMode.RegionalCall"] = new("Appel régional", "Regional call"),
        ["CoordinationMode.Administrative"] = new("Coordination administrative", "Administrative coordination"),
        ["CoordinationMode.FundedAnimation"] = new("Animation financée", "Funded animation"),
        ["PracticeCommunity.None"] = new("Aucune", "None"),
        ["PracticeCommunity.IntraRegional"] = new("Intrarégionale", "Intra-regional"),
        ["PracticeCommunity.InterRegional"] = new("Interrégionale", "Inter-regional"),
        ["RespondentSeniority.Professional"] = new("Professionnel", "Professional"),
        ["RespondentSeniority.Director"] = new("Direction régionale", "Regional director"),
        ["RespondentSeniority.ProvincialLead"] = new("Direction provinciale", "Provincial lead"),
        ["MinistryAccompaniment.None"] = new("Aucun", "None"),
        ["MinistryAccompaniment.Uniform"] = new("Uniforme", "Uniform"),
        ["MinistryAccompaniment.Targeted"] = new("Ciblé", "Targeted"),
        ["Allowance.None"] = new("Aucune", "None"),
        ["Allowance.CostCoverage"] = new("Remboursement des frais", "Cost coverage"),
        ["Allowance.Stipend"] = new("Jeton de présence", "Stipend"),
        ["Allowance.StandardAllowance"] = new("Allocation normée", "Standard allowance"),
        ["ExpertAccompaniment.None"] = new("Aucun", "None"),
        ["ExpertAccompaniment.Light"] = new("Léger", "Light"),
        ["ExpertAccompaniment.DedicatedAgent"] = new("Agent dédié", "Dedicated agent"),
        ["ExpertDecisionRule.Advisory"] = new("Consultatif", "Advisory"),
        ["ExpertDecisionRule.AdvisoryWithFeedback"] = new("Consultatif avec rétroaction", "Advisory with feedback"),
        ["ExpertDecisionRule.GuaranteedShare"] = new("Part garantie", "Guaranteed share"),
        ["PlanningRequirement.LightWorkPlan"] = new("Plan de travail léger", "Light work plan"),
        ["PlanningRequirement.Strategy"] = new("Stratégie", "Strategy"),
        ["Pooling.Off"] = new("Non", "Off"),
        ["Pooling.Allowed"] = new("Permise", "Allowed"),
        ["Pooling.Encouraged"] = new("Encouragée", "Encouraged"),
    };

    /// <summary>Every lever of <see cref="LeverFields.All"/>: main levers first (in the order above), then the others.</summary>
    public static IReadOnlyList<WorkshopLever> All { get; } = Build();

    private static readonly Dictionary<string, WorkshopLever> ByName = All.ToDictionary(l => l.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out WorkshopLever lever) => ByName.TryGetValue(name, out lever!);

    public static WorkshopLever Get(string name) => ByName[name];

    /// <summary>Levers of <see cref="LeverFields"/> that have no workshop texts (tests list them).</summary>
    public static IReadOnlyList<string> MissingTexts => LeverFields.All.Select(f => f.JsonName).Where(n => !Entries.ContainsKey(n)).ToList();

    /// <summary>Enum members without a label (tests list them).</summary>
    public static IReadOnlyList<string> MissingOptionLabels => LeverFields.All.Where(f => f.IsEnum)
        .SelectMany(f => Enum.GetNames(f.Type).Select(n => $"{f.Type.Name}.{n}"))
        .Where(k => !EnumLabels.ContainsKey(k)).ToList();

    /// <summary>Label of an enum value (the member name when unknown).</summary>
    public static Text OptionLabel(Type enumType, string member) =>
        EnumLabels.TryGetValue($"{enumType.Name}.{member}", out var t) ? t : new Text(member, member);

    private static List<WorkshopLever> Build()
    {
        var fields = LeverFields.All.ToDictionary(f => f.JsonName, StringComparer.Ordinal);
        var ordered = Entries.Keys.Where(fields.ContainsKey).ToList();
        ordered = [.. ordered.Where(n => Entries[n].Main), .. ordered.Where(n => !Entries[n].Main)];
        ordered.AddRange(fields.Keys.Where(n => !Entries.ContainsKey(n)));
        var list = new List<WorkshopLever>();
        foreach (string name in ordered)
        {
            var f = fields[name];
            var e = Entries.TryGetValue(name, out var x) ? x : new Entry("support", false, new Text(name, name), new Text("", ""));
            var options = f.IsEnum
                ? Enum.GetNames(f.Type).Select(n => new LeverOption(n, OptionLabel(f.Type, n))).ToList()
                : [];
            list.Add(new WorkshopLever(f, e.Group, e.Main, e.Label, e.Help, options));
        }
        return list;
    }
}
