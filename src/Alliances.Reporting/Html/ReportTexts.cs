using System.Globalization;
using System.Text;
using Alliances.Model;

namespace Alliances.Reporting.Html;

/// <summary>
/// Every word of the report in French and English, and prose number formatting ("0,12" and "87 %" in French,
/// "0.12" and "87%" in English). Numbers written into SVG never go through this class: the chart library
/// formats them with the invariant culture.
/// </summary>
internal sealed class ReportTexts
{
    private readonly NumberFormatInfo _nf;

    private ReportTexts(string lang)
    {
        Lang = lang;
        var nf = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        nf.NumberDecimalSeparator = IsFr ? "," : ".";
        nf.NumberGroupSeparator = IsFr ? "\u202F" : ",";
        nf.NegativeSign = "−";
        _nf = nf;
    }

    public static ReportTexts Fr { get; } = new("fr");

    public static ReportTexts En { get; } = new("en");

    /// <summary>"fr" or "en" (anything else is rejected by <see cref="For"/>).</summary>
    public string Lang { get; }

    public bool IsFr => Lang == "fr";

    public static ReportTexts For(string? lang) => (lang ?? "fr").Trim().ToLowerInvariant() switch
    {
        "" or "fr" or "fr-ca" or "fr-fr" => Fr,
        "en" or "en-ca" or "en-us" or "en-gb" => En,
        _ => throw new ArgumentException($"Unsupported report language '{lang}': use 'fr' or 'en'."),
    };

    /// <summary>Picks the French or English variant.</summary>
    public string T(string fr, string en) => IsFr ? fr : en;

    // ------------------------------------------------------------------------------------------ numbers

    public string Number(double v, int decimals)
    {
        if (!double.IsFinite(v))
        {
            return T("n.d.", "n/a");
        }

        string s = v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), _nf);
        return IsNegativeZero(s) ? s[1..] : s;
    }

    public string Signed(double v, int decimals)
    {
        string s = Number(v, decimals);
        return double.IsFinite(v) && !s.StartsWith('−') && s.Any(c => c is >= '1' and <= '9') ? "+" + s : s;
    }

    public string Int(long v) => v.ToString("N0", _nf);

    /// <summary>A share in [0, 1] as a whole percentage: "87 %" (French, non-breaking space) or "87%".</summary>
    public string Percent(double share)
    {
        if (!double.IsFinite(share))
        {
            return T("n.d.", "n/a");
        }

        // Never round a near-certainty to "100 %" nor a rare event to "0 %".
        double pct = Math.Round(share * 100, MidpointRounding.AwayFromZero);
        string n = pct >= 100 && share < 1 ? "> 99"
            : pct <= 0 && share > 0 ? "< 1"
            : pct.ToString("0", CultureInfo.InvariantCulture);
        return IsFr ? n + "\u00A0%" : n + "%";
    }

    /// <summary>A confidence interval: "[0,60 ; 0,64]" or "[0.60, 0.64]".</summary>
    public string Interval(double lo, double hi, int decimals, bool signed = false)
    {
        Func<double, int, string> f = signed ? Signed : Number;
        return IsFr ? $"[{f(lo, decimals)}\u00A0; {f(hi, decimals)}]" : $"[{f(lo, decimals)}, {f(hi, decimals)}]";
    }

    private static bool IsNegativeZero(string s) => s.StartsWith('−') && s.Skip(1).All(c => c is '0' or ',' or '.' or '\u202F');

    /// <summary>
    /// Decimals for a metric: 2 on unit-like scales, 1 on wider scales, more when the interval width needs it
    /// (at most 4).
    /// </summary>
    public static int Decimals(MetricInfo m, double width = double.NaN)
    {
        int d = m.UnitScale ? 2 : m.Max - m.Min <= 200 ? 1 : 0;
        while (d < 4 && double.IsFinite(width) && width > 0 && width < 2 * Math.Pow(10, -d))
        {
            d++;
        }

        return d;
    }

    // ------------------------------------------------------------------------------------------ names

    private static readonly Dictionary<string, (string Fr, string FrProse, string En, string EnProse)> MetricNames = new()
    {
        ["cohesion_index"] = ("Indice de cohésion", "l'indice de cohésion", "Cohesion index", "the cohesion index"),
        ["priority_alignment"] = ("Alignement sur les priorités régionales", "l'alignement sur les priorités régionales", "Alignment with regional priorities", "alignment with regional priorities"),
        ["regional_priority_coverage"] = ("Couverture des priorités régionales", "la couverture des priorités régionales", "Regional priority coverage", "regional priority coverage"),
        ["shared_vision"] = ("Vision partagée", "la vision partagée", "Shared vision", "shared vision"),
        ["network_cohesion"] = ("Cohésion du réseau", "la cohésion du réseau", "Network cohesion", "network cohesion"),
        ["mobilization"] = ("Mobilisation", "la mobilisation", "Mobilization", "mobilization"),
        ["equity_index"] = ("Indice d'équité", "l'indice d'équité", "Equity index", "the equity index"),
        ["territorial_gini"] = ("Inégalité entre territoires (Gini)", "l'inégalité de progrès entre territoires (Gini)", "Inequality across territories (Gini)", "inequality of progress across territories (Gini)"),
        ["worst_territory_progress"] = ("Progrès du territoire le moins avancé", "le progrès du territoire le moins avancé", "Progress of the least advanced territory", "progress of the least advanced territory"),
        ["capacity_gap"] = ("Écart de capacité entre territoires", "l'écart de capacité entre territoires", "Capacity gap between territories", "the capacity gap between territories"),
        ["funding_need_concordance"] = ("Concordance financement–besoins", "la concordance entre financement et besoins", "Funding–need concordance", "funding–need concordance"),
        ["experts_voice"] = ("Voix des personnes expertes de vécu", "la voix des personnes expertes de vécu", "Voice of experts de vécu", "the voice of experts de vécu"),
        ["experts_retention"] = ("Rétention des personnes expertes de vécu", "la rétention des personnes expertes de vécu", "Retention of experts de vécu", "the retention of experts de vécu"),
        ["effectiveness"] = ("Efficacité (progrès par M$)", "l'efficacité (progrès par M$)", "Effectiveness (progress per M$)", "effectiveness (progress per M$)"),
        ["sustainability"] = ("Pérennité (capacité collective)", "la pérennité (capacité collective)", "Sustainability (collective capacity)", "sustainability (collective capacity)"),
        ["projects_funded"] = ("Projets financés", "le nombre de projets financés", "Projects funded", "the number of projects funded"),
        ["projects_per_territory"] = ("Projets par territoire", "le nombre de projets par territoire", "Projects per territory", "projects per territory"),
        ["mean_progress"] = ("Progrès moyen des territoires", "le progrès moyen des territoires", "Mean territory progress", "mean territory progress"),
        ["observed_alignment"] = ("Alignement déclaré", "l'alignement déclaré", "Reported alignment", "reported alignment"),
        ["regional_projects"] = ("Projets régionaux", "le nombre de projets régionaux", "Regional projects", "the number of regional projects"),
        ["ratification_rate"] = ("Taux de ratification", "le taux de ratification", "Ratification rate", "the ratification rate"),
        ["prefet_engagement"] = ("Engagement des préfets", "l'engagement des préfets", "Préfets' engagement", "préfets' engagement"),
        ["regional_engagement"] = ("Engagement des acteurs régionaux", "l'engagement des acteurs régionaux", "Regional actors' engagement", "regional actors' engagement"),
        ["local_engagement"] = ("Engagement des acteurs locaux", "l'engagement des acteurs locaux", "Local actors' engagement", "local actors' engagement"),
        ["expert_participation"] = ("Participation des personnes expertes", "la participation des personnes expertes", "Expert participation", "expert participation"),
        ["expert_exits"] = ("Départs de personnes expertes", "les départs de personnes expertes", "Expert exits", "expert exits"),
        ["leverage"] = ("Effet de levier (apport des partenaires par $ du FQIS)", "l'effet de levier", "Leverage (partner money per FQIS dollar)", "leverage"),
        ["isolated_share"] = ("Part de territoires isolés", "la part de territoires isolés", "Share of isolated territories", "the share of isolated territories"),
        ["progress"] = ("Progrès", "le progrès", "Progress", "progress"),
        ["capacity"] = ("Capacité", "la capacité", "Capacity", "capacity"),
        ["engagement"] = ("Engagement", "l'engagement", "Engagement", "engagement"),
        ["funding_musd"] = ("Financement (M$)", "le financement", "Funding (M$)", "funding"),
        ["projects"] = ("Projets", "le nombre de projets", "Projects", "the number of projects"),
    };

    public string MetricLabel(string name) =>
        MetricNames.TryGetValue(name, out var n) ? (IsFr ? n.Fr : n.En) : Humanize(name);

    public string MetricProse(string name) =>
        MetricNames.TryGetValue(name, out var n) ? (IsFr ? n.FrProse : n.EnProse)
        : IsFr ? $"l'indicateur « {name} »" : $"the indicator “{name}”";

    public string MetricDefinition(MetricInfo m) => IsFr ? m.Fr : m.En;

    public string Direction(Better b) => b switch
    {
        Better.Higher => T("↑ plus élevé = mieux", "↑ higher is better"),
        Better.Lower => T("↓ plus bas = mieux", "↓ lower is better"),
        _ => T("sans sens préférable", "no preferred direction"),
    };

    private static readonly Dictionary<string, (string Fr, string En)> DesignNames = new()
    {
        ["centralized"] = ("centralisé", "centralized"),
        ["decentralized"] = ("décentralisé", "decentralized"),
        ["balanced"] = ("équilibré", "balanced"),
    };

    /// <summary>Display name of a design for headers and legends: "Équilibré", or the name as given.</summary>
    public string Design(string name) =>
        DesignNames.TryGetValue(name, out var d) ? Capitalize(IsFr ? d.Fr : d.En) : name;

    /// <summary>Design as the subject of a sentence: "Le scénario équilibré" / "The balanced design".</summary>
    public string DesignSubject(string name) =>
        DesignNames.TryGetValue(name, out var d)
            ? T($"Le scénario {d.Fr}", $"The {d.En} design")
            : T($"Le scénario « {name} »", $"The “{name}” design");

    /// <summary>Design as an object: "le décentralisé" / "the decentralized design".</summary>
    public string DesignObject(string name) =>
        DesignNames.TryGetValue(name, out var d)
            ? T(Elide("le", d.Fr), $"the {d.En} design")
            : T($"le scénario « {name} »", $"the “{name}” design");

    /// <summary>
    /// French typography: non-breaking spaces inside « » and before : ; ? ! %, so that a line never starts with
    /// one of them.
    /// </summary>
    public static string FrenchSpacing(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return s ?? "";
        }

        return s.Replace("« ", "«\u00A0", StringComparison.Ordinal)
            .Replace(" »", "\u00A0»", StringComparison.Ordinal)
            .Replace(" :", "\u00A0:", StringComparison.Ordinal)
            .Replace(" ;", "\u00A0;", StringComparison.Ordinal)
            .Replace(" ?", "\u00A0?", StringComparison.Ordinal)
            .Replace(" !", "\u00A0!", StringComparison.Ordinal)
            .Replace(" %", "\u00A0%", StringComparison.Ordinal);
    }

    /// <summary>French elision: "le équilibré" → "l'équilibré".</summary>
    private static string Elide(string article, string word) =>
        word.Length > 0 && "aâeéèêiîoôuûhAEÉIOU".Contains(word[0]) ? $"{article[0]}'{word}" : $"{article} {word}";

    // ------------------------------------------------------------------------------------------ levers

    private static readonly Dictionary<string, (string Fr, string En)> LeverNames = new()
    {
        ["decisionbody"] = ("Instance de décision régionale", "Regional decision body"),
        ["regionaltable"] = ("Table régionale", "Regional table"),
        ["tablehaselected"] = ("Personnes élues à la table régionale", "Elected officials on the regional table"),
        ["tablehaslocalconcertations"] = ("Concertations locales à la table régionale", "Local concertations on the regional table"),
        ["tablehassectoralpartners"] = ("Partenaires sectoriels à la table régionale", "Sectoral partners on the regional table"),
        ["tablehasexperts"] = ("Personnes expertes de vécu à la table régionale", "Experts de vécu on the regional table"),
        ["partnerrole"] = ("Rôle des partenaires sectoriels régionaux", "Role of regional sectoral partners"),
        ["strategicdevice"] = ("Dispositif stratégique régional", "Regional strategic device"),
        ["regionalshare"] = ("Part régionale de l'enveloppe", "Regional share of the envelope"),
        ["regionalcofunding"] = ("Projets régionaux cofinancés par les enveloppes locales", "Regional projects co-funded from local envelopes"),
        ["planningrequirement"] = ("Exigence de planification", "Planning requirement"),
        ["localdecision"] = ("Voie de décision locale", "Local decision path"),
        ["managementmode"] = ("Mode de gestion du FQIS", "FQIS management mode"),
        ["localsplit"] = ("Répartition de l'enveloppe locale", "Split of the local envelope"),
        ["generationmode"] = ("Génération des projets", "Project generation"),
        ["localonlytolerance"] = ("Tolérance aux projets hors priorités régionales", "Tolerance for projects outside regional priorities"),
        ["projectdurationmonths"] = ("Durée des projets (mois)", "Project duration (months)"),
        ["coordinationshare"] = ("Part réservée à la coordination", "Share kept for coordination"),
        ["pooling"] = ("Mise en commun des enveloppes", "Pooling of envelopes"),
        ["coordination"] = ("Coordination régionale", "Regional coordination"),
        ["weakterritorysupport"] = ("Soutien aux territoires à faible capacité", "Support to low-capacity territories"),
        ["practicecommunity"] = ("Communauté de pratique", "Community of practice"),
        ["localmobilisationstaff"] = ("Agents de mobilisation locaux", "Local mobilisation staff"),
        ["respondentseniority"] = ("Niveau hiérarchique du répondant ministériel", "Seniority of the ministry respondent"),
        ["ministryaccompaniment"] = ("Accompagnement ministériel", "Ministry accompaniment"),
        ["directivestrength"] = ("Force directive de la gouvernance provinciale", "Directive strength of provincial governance"),
        ["evaluationsupport"] = ("Soutien à l'évaluation", "Evaluation support"),
        ["expertsonlocaltables"] = ("Personnes expertes aux tables locales", "Experts on local tables"),
        ["expertsperbody"] = ("Sièges de personnes expertes par instance", "Expert seats per body"),
        ["peercommittee"] = ("Comité de pairs (AVEC)", "Peer committee (AVEC)"),
        ["peercommitteesize"] = ("Taille du comité de pairs", "Peer committee size"),
        ["allowance"] = ("Compensation des personnes expertes", "Compensation of experts"),
        ["expertaccompaniment"] = ("Accompagnement des personnes expertes", "Accompaniment of experts"),
        ["expertdecisionrule"] = ("Suite donnée aux recommandations des personnes expertes", "Treatment of experts' recommendations"),
    };

    private static readonly Dictionary<string, (string Fr, string En)> LeverValues = new()
    {
        ["tabledesprefets"] = ("Table des préfets", "Table des préfets"),
        ["regionaltable"] = ("Table régionale", "Regional table"),
        ["mrccosignatory"] = ("MRC cosignataire", "MRC co-signatory"),
        ["mrcrecommends"] = ("La MRC recommande", "MRC recommends"),
        ["concertationrecommends"] = ("La concertation locale recommande", "Local concertation recommends"),
        ["regionalonly"] = ("Décision régionale seulement", "Regional decision only"),
        ["none"] = ("Aucun", "None"),
        ["prioritymatching"] = ("Arrimage aux priorités", "Priority matching"),
        ["fiches"] = ("Fiches par priorité", "Priority sheets"),
        ["chantiers"] = ("Chantiers régionaux", "Regional workstreams"),
        ["notsolicited"] = ("Non sollicités", "Not solicited"),
        ["administrative"] = ("Administratif", "Administrative"),
        ["anchoring"] = ("Ancrage", "Anchoring"),
        ["centralised"] = ("Centralisée", "Centralised"),
        ["shared"] = ("Partagée", "Shared"),
        ["twotier"] = ("À deux paliers", "Two-tier"),
        ["equal"] = ("Égale", "Equal"),
        ["population"] = ("Selon la population", "By population"),
        ["deprivation"] = ("Selon la défavorisation", "By deprivation"),
        ["capacitycompensating"] = ("Compensatoire (capacité)", "Capacity-compensating"),
        ["callforprojects"] = ("Appel à projets", "Call for projects"),
        ["concerted"] = ("Approche concertée", "Concerted approach"),
        ["regionalcall"] = ("Appel régional", "Regional call"),
        ["fundedanimation"] = ("Animation financée", "Funded animation"),
        ["intraregional"] = ("Intrarégionale", "Intra-regional"),
        ["interregional"] = ("Interrégionale", "Inter-regional"),
        ["professional"] = ("Professionnel", "Professional"),
        ["director"] = ("Direction", "Director"),
        ["provinciallead"] = ("Direction provinciale", "Provincial lead"),
        ["uniform"] = ("Uniforme", "Uniform"),
        ["targeted"] = ("Ciblé", "Targeted"),
        ["costcoverage"] = ("Remboursement des frais", "Cost coverage"),
        ["stipend"] = ("Jeton de présence", "Stipend"),
        ["standardallowance"] = ("Allocation normée", "Standard allowance"),
        ["light"] = ("Léger", "Light"),
        ["dedicatedagent"] = ("Agent dédié", "Dedicated agent"),
        ["advisory"] = ("Consultatif", "Advisory"),
        ["advisorywithfeedback"] = ("Consultatif avec rétroaction", "Advisory with feedback"),
        ["guaranteedshare"] = ("Part garantie", "Guaranteed share"),
        ["lightworkplan"] = ("Plan de travail léger", "Light work plan"),
        ["strategy"] = ("Stratégie", "Strategy"),
        ["off"] = ("Non", "Off"),
        ["allowed"] = ("Permise", "Allowed"),
        ["encouraged"] = ("Encouragée", "Encouraged"),
    };

    private static readonly HashSet<string> PercentLevers = ["regionalshare", "coordinationshare"];

    public static string Normalize(string key) =>
        new(key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    internal static bool HasLeverLabel(string key) => LeverNames.ContainsKey(Normalize(key));

    internal static bool HasLeverValue(string value) => LeverValues.ContainsKey(Normalize(value));

    public string LeverLabel(string key) =>
        LeverNames.TryGetValue(Normalize(key), out var n) ? T(n.Fr, n.En) : Humanize(key);

    /// <summary>A lever value in words; enum values given as numbers are resolved through <see cref="Levers"/>.</summary>
    public string LeverValue(string key, System.Text.Json.JsonElement v)
    {
        switch (v.ValueKind)
        {
            case System.Text.Json.JsonValueKind.True:
                return T("oui", "yes");
            case System.Text.Json.JsonValueKind.False:
                return T("non", "no");
            case System.Text.Json.JsonValueKind.String:
                string s = v.GetString() ?? "";
                return LeverValues.TryGetValue(Normalize(s), out var w) ? T(w.Fr, w.En) : s;
            case System.Text.Json.JsonValueKind.Number:
                var prop = typeof(Levers).GetProperties().FirstOrDefault(p => Normalize(p.Name) == Normalize(key));
                if (prop is not null && prop.PropertyType.IsEnum && v.TryGetInt32(out int i))
                {
                    string? name = Enum.GetName(prop.PropertyType, Enum.ToObject(prop.PropertyType, i));
                    if (name is not null)
                    {
                        return LeverValues.TryGetValue(Normalize(name), out var e) ? T(e.Fr, e.En) : name;
                    }
                }

                double d = v.GetDouble();
                if (PercentLevers.Contains(Normalize(key)))
                {
                    return Percent(d);
                }

                return d == Math.Round(d) ? Int((long)d) : Number(d, 2);
            case System.Text.Json.JsonValueKind.Null:
                return "—";
            default:
                return v.GetRawText();
        }
    }

    private static string Humanize(string name)
    {
        var sb = new StringBuilder();
        foreach (char ch in name)
        {
            if (ch is '_' or '-')
            {
                sb.Append(' ');
            }
            else if (char.IsUpper(ch) && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ').Append(char.ToLowerInvariant(ch));
            }
            else
            {
                sb.Append(ch);
            }
        }

        return Capitalize(sb.ToString());
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
