using Alliances.Experiments.Comparison;
using Alliances.Model;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Run;

/// <summary>
/// "Why" notes: plain-language rules that read which mechanisms moved in a run. A rule fires only when the paired
/// difference of the metrics it reads has a 95 % CI that excludes zero <em>and</em> is at least a minimal size (so that
/// tiny but precise differences, common with paired replications, are not narrated). The cause named in a note is the
/// model mechanism (docs/ODD.md §7) linking the levers that differ between the two designs to the metric that moved;
/// when no differing lever explains it, the note says what moved without inventing a cause.
/// </summary>
internal static class WhyNotes
{
    public const int MaxNotes = 7;

    /// <summary>Smallest difference worth a note: 0.02 on 0–1 indicators (0.01 for the share of isolated territories),
    /// otherwise per metric.</summary>
    internal static double MinEffect(string metric) => metric switch
    {
        "regional_projects" => 0.5,
        "projects_funded" => 2,
        "expert_exits" => 1,
        "leverage" => 0.02,
        "effectiveness" => 0.1,
        "isolated_share" => 0.01,
        _ => 0.02,
    };

    private sealed class Ctx(RunData data)
    {
        public Lang Lang => data.Lang;
        public Levers D => data.Design;
        public Levers R => data.Reference;
        public PairedRow Diff(string m) => data.Diff(m);
        public bool Up(string m) { var p = data.Diff(m); return p.Ci95Low > 0 && p.MeanDiff >= MinEffect(m); }
        public bool Down(string m) { var p = data.Diff(m); return p.Ci95High < 0 && -p.MeanDiff >= MinEffect(m); }
        public bool Moved(string m) => Up(m) || Down(m);
        public string Signed(string m, int dec) => Num.Signed(Lang, data.Diff(m).MeanDiff, dec);
        public string Pct(double share) => Num.Percent(Lang, share);
        public double DesignMean(string m) => data.OfDesign(m).Mean;
        public string T(string fr, string en) => Lang == Lang.Fr ? Text.FrenchSpacing(fr) : en;
    }

    public static IReadOnlyList<WhyNote> Build(RunData data)
    {
        var c = new Ctx(data);
        var notes = new List<WhyNote> { Headline(c, data.Request.Replications) };
        var rules = new Func<Ctx, WhyNote?>[]
        {
            Isolated, CapacityGap, FundingNeeds, ExpertsStay, ExpertsLeave, ExpertSeats, Prefets, Network, Mobilization,
            RegionalProjects, SharedVision, Leverage, ProjectsFunded,
        };
        foreach (var rule in rules)
        {
            if (notes.Count > MaxNotes) break;
            if (rule(c) is { } n) notes.Add(n);
        }
        return notes;
    }

    private static WhyNote Note(string tone, string text, params string[] metrics) => new(tone, text, metrics);

    // ------------------------------------------------------------------------------------------------ headline

    private static WhyNote Headline(Ctx c, int reps)
    {
        bool cu = c.Up("cohesion_index"), cd = c.Down("cohesion_index"), eu = c.Up("equity_index"), ed = c.Down("equity_index");
        string co = c.Signed("cohesion_index", 3), eq = c.Signed("equity_index", 3);
        if (!cu && !cd && !eu && !ed)
            return Note("info", c.T(
                $"Pas de différence nette de cohésion ni d'équité avec la référence sur {reps} réplications : les intervalles de confiance à 95 % touchent zéro ou l'écart est minime.",
                $"No clear difference in cohesion or equity from the reference over {reps} replications: the 95% confidence intervals touch zero or the gap is tiny."),
                "cohesion_index", "equity_index");
        if (cu && eu) return Note("good", c.T($"Plus cohésif et plus équitable que la référence (cohésion {co}, équité {eq}).", $"More cohesive and more equitable than the reference (cohesion {co}, equity {eq})."), "cohesion_index", "equity_index");
        if (cd && ed) return Note("bad", c.T($"Moins cohésif et moins équitable que la référence (cohésion {co}, équité {eq}).", $"Less cohesive and less equitable than the reference (cohesion {co}, equity {eq})."), "cohesion_index", "equity_index");
        if (cu && ed) return Note("neutral", c.T($"Compromis : plus de cohésion ({co}) mais moins d'équité ({eq}).", $"Trade-off: more cohesion ({co}) but less equity ({eq})."), "cohesion_index", "equity_index");
        if (cd && eu) return Note("neutral", c.T($"Compromis : plus d'équité ({eq}) mais moins de cohésion ({co}).", $"Trade-off: more equity ({eq}) but less cohesion ({co})."), "cohesion_index", "equity_index");
        if (cu) return Note("good", c.T($"Plus cohésif que la référence ({co}) ; pas d'écart net d'équité.", $"More cohesive than the reference ({co}); no clear equity difference."), "cohesion_index", "equity_index");
        if (cd) return Note("bad", c.T($"Moins cohésif que la référence ({co}) ; pas d'écart net d'équité.", $"Less cohesive than the reference ({co}); no clear equity difference."), "cohesion_index", "equity_index");
        if (eu) return Note("good", c.T($"Plus équitable que la référence ({eq}) ; pas d'écart net de cohésion.", $"More equitable than the reference ({eq}); no clear cohesion difference."), "cohesion_index", "equity_index");
        return Note("bad", c.T($"Moins équitable que la référence ({eq}) ; pas d'écart net de cohésion.", $"Less equitable than the reference ({eq}); no clear cohesion difference."), "cohesion_index", "equity_index");
    }

    // ------------------------------------------------------------------------------------------------ equity

    private static WhyNote? Isolated(Ctx c)
    {
        if (c.Down("isolated_share"))
        {
            if (c.Up("regional_projects"))
                return Note("good", c.T(
                    $"Moins de territoires isolés : les projets régionaux les ont rejoints ({c.Signed("regional_projects", 1)} projets régionaux).",
                    $"Fewer isolated territories: regional projects reached them ({c.Signed("regional_projects", 1)} regional projects)."),
                    "isolated_share", "regional_projects");
            if (LessWeakSupport(c.R, c.D))
                return Note("good", c.T(
                    "Moins de territoires isolés : les territoires à faible capacité reçoivent plus d'argent ou de soutien et arrivent à monter des projets.",
                    "Fewer isolated territories: low-capacity territories get more money or support and manage to build projects."),
                    "isolated_share");
            return Note("good", c.T("Moins de territoires isolés : davantage de territoires reçoivent au moins un projet.",
                "Fewer isolated territories: more territories receive at least one project."), "isolated_share");
        }
        if (c.Up("isolated_share"))
        {
            if (c.Down("regional_projects"))
                return Note("bad", c.T(
                    "Plus de territoires isolés : avec moins de projets régionaux, des territoires n'ont reçu aucun projet.",
                    "More isolated territories: with fewer regional projects, some territories received no project."),
                    "isolated_share", "regional_projects");
            return Note("bad", c.T(
                "Plus de territoires isolés : des territoires à faible capacité n'arrivent pas à obtenir de projets ni à progresser.",
                "More isolated territories: low-capacity territories fail to obtain projects or to progress."), "isolated_share");
        }
        return null;
    }

    private static WhyNote? CapacityGap(Ctx c)
    {
        string g = c.Signed("capacity_gap", 3);
        if (c.Down("capacity_gap"))
        {
            var causes = new List<string>();
            if (AnimationForWeak(c.D) > AnimationForWeak(c.R) + 1e-9)
                causes.Add(c.T("l'animation consacre du temps aux territoires fragiles", "animation time goes to weak territories"));
            if (c.D.LocalSplit == LocalSplit.CapacityCompensating && c.R.LocalSplit != LocalSplit.CapacityCompensating)
                causes.Add(c.T("la répartition locale leur donne un bonus", "the local split gives them a top-up"));
            if (c.D.PracticeCommunity > c.R.PracticeCommunity || c.Up("network_cohesion"))
                causes.Add(c.T("les échanges et les liens entre territoires aident les moins outillés à rattraper les autres", "exchanges and ties between territories help the less equipped catch up"));
            string why = causes.Count > 0 ? Join(c, causes) : c.T("les territoires moins dotés au départ ont rattrapé une partie de leur retard", "territories with fewer resources at the start caught up part of the way");
            return Note("good", c.T($"L'écart de capacité entre territoires se resserre ({g}) : {why}.", $"The capacity gap between territories narrows ({g}): {why}."), "capacity_gap");
        }
        if (c.Up("capacity_gap"))
        {
            string why = AnimationForWeak(c.D) < AnimationForWeak(c.R) - 1e-9
                ? c.T("moins de soutien est réservé aux territoires fragiles", "less support is reserved for weak territories")
                : c.T("les territoires déjà mieux dotés progressent plus vite", "territories that were already better resourced progress faster");
            return Note("bad", c.T($"L'écart de capacité entre territoires se creuse ({g}) : {why}.", $"The capacity gap between territories widens ({g}): {why}."), "capacity_gap");
        }
        return null;
    }

    private static WhyNote? FundingNeeds(Ctx c)
    {
        string f = c.Signed("funding_need_concordance", 3);
        bool needSplit(Levers l) => l.LocalSplit is LocalSplit.Deprivation or LocalSplit.CapacityCompensating;
        if (c.Up("funding_need_concordance"))
            return Note("good", needSplit(c.D) && !needSplit(c.R)
                ? c.T($"L'argent suit mieux les besoins ({f}) : l'enveloppe locale est répartie selon la défavorisation plutôt que la population.", $"Money follows needs better ({f}): the local envelope is split by deprivation rather than population.")
                : c.T($"L'argent suit mieux les besoins ({f}).", $"Money follows needs better ({f})."), "funding_need_concordance");
        if (c.Down("funding_need_concordance"))
            return Note("bad", !needSplit(c.D) && needSplit(c.R)
                ? c.T($"L'argent suit moins bien les besoins ({f}) : l'enveloppe locale ne tient plus compte de la défavorisation.", $"Money follows needs less well ({f}): the local envelope no longer accounts for deprivation.")
                : c.T($"L'argent suit moins bien les besoins ({f}).", $"Money follows needs less well ({f})."), "funding_need_concordance");
        return null;
    }

    // ------------------------------------------------------------------------------------------------ experts de vécu

    private static WhyNote? ExpertsStay(Ctx c)
    {
        if (!c.Up("experts_retention") || !c.R.SeatsExperts) return null;
        var causes = ComfortCauses(c, better: true);
        string why = Because(c, causes);
        string more = c.Up("expert_exits")
            ? c.T(" Il y a plus de départs en nombre, parce que plus de personnes ont siégé.", " There are more exits in number, because more people sat.")
            : "";
        return Note("good", c.T($"Les personnes expertes de vécu restent plus longtemps (rétention {c.Signed("experts_retention", 2)}){why}.{more}",
            $"Experts de vécu stay longer (retention {c.Signed("experts_retention", 2)}){why}.{more}"), "experts_retention", "expert_exits");
    }

    private static WhyNote? ExpertsLeave(Ctx c)
    {
        if (!c.D.SeatsExperts) return null;
        bool worseRetention = c.Down("experts_retention") && c.R.SeatsExperts;
        bool moreExits = c.Up("expert_exits") && !c.Up("experts_retention") && !c.Up("expert_participation");
        if (!c.R.SeatsExperts && c.D.SeatsExperts && c.Up("expert_exits") && c.DesignMean("experts_retention") < 0.6 && OverrideProne(c.D))
            return Note("bad", c.T(
                $"Des personnes expertes sont parties après des refus répétés de leurs recommandations : seules {c.Pct(c.DesignMean("experts_retention"))} de celles qui ont siégé siègent encore.",
                $"Experts de vécu left after repeated refusals of their recommendations: only {c.Pct(c.DesignMean("experts_retention"))} of those who sat still sit."),
                "expert_exits", "experts_retention");
        if (!worseRetention && !moreExits) return null;
        if (Rank(c.D.ExpertDecisionRule) < Rank(c.R.ExpertDecisionRule) || (OverrideProne(c.D) && !OverrideProne(c.R)))
            return Note("bad", c.T(
                "Des personnes expertes sont parties après des refus répétés de leurs recommandations : leurs avis restent consultatifs et peuvent être écartés sans suite.",
                "Experts de vécu left after repeated refusals of their recommendations: their advice stays advisory and can be set aside without follow-up."),
                "expert_exits", "experts_retention");
        var causes = ComfortCauses(c, better: false);
        if (causes.Count > 0)
            return Note("bad", c.T($"Des personnes expertes sont parties : {Join(c, causes)}.", $"Experts de vécu left: {Join(c, causes)}."), "expert_exits", "experts_retention");
        return Note("bad", c.T(
            "Des personnes expertes sont parties plus souvent : inconfort, jargon ou avis refusés les ont découragées.",
            "Experts de vécu left more often: discomfort, jargon or refused advice discouraged them."), "expert_exits", "experts_retention");
    }

    private static WhyNote? ExpertSeats(Ctx c)
    {
        string p = c.Signed("expert_participation", 2);
        if (c.Up("expert_participation"))
        {
            if (!c.R.SeatsExperts)
                return Note("good", c.T(
                    $"Des personnes expertes de vécu siègent désormais : {c.Pct(c.DesignMean("expert_participation"))} de leurs sièges sont occupés en fin de période.",
                    $"Experts de vécu now sit: {c.Pct(c.DesignMean("expert_participation"))} of their seats are filled at the end."), "expert_participation");
            bool easier = Compensation(c.D) > Compensation(c.R) || Accompaniment(c.D) > Accompaniment(c.R);
            return Note("good", easier
                ? c.T($"Plus de sièges de personnes expertes sont occupés ({p}) : la compensation et l'accompagnement facilitent le recrutement.", $"More expert seats are filled ({p}): compensation and accompaniment make recruiting easier.")
                : c.T($"Plus de sièges de personnes expertes sont occupés ({p}).", $"More expert seats are filled ({p})."), "expert_participation");
        }
        if (c.Down("expert_participation") && c.D.SeatsExperts)
        {
            bool harder = Compensation(c.D) < Compensation(c.R) || Accompaniment(c.D) < Accompaniment(c.R);
            return Note("bad", harder
                ? c.T($"Plus de sièges de personnes expertes restent vides ({p}) : sans compensation ni accompagnement suffisants, on recrute moins.", $"More expert seats stay empty ({p}): without enough compensation and accompaniment, fewer people are recruited.")
                : c.T($"Plus de sièges de personnes expertes restent vides ({p}).", $"More expert seats stay empty ({p})."), "expert_participation");
        }
        return null;
    }

    private static List<string> ComfortCauses(Ctx c, bool better)
    {
        var causes = new List<string>();
        int s = better ? 1 : -1;
        if (s * (Rank(c.D.ExpertDecisionRule) - Rank(c.R.ExpertDecisionRule)) > 0)
            causes.Add(better
                ? c.T("leurs recommandations reçoivent une réponse ou une part garantie, donc moins de refus qui découragent", "their recommendations get feedback or a guaranteed share, so fewer discouraging refusals")
                : c.T("leurs recommandations sont plus souvent refusées sans suite", "their recommendations are more often refused without follow-up"));
        if (s * (Compensation(c.D) - Compensation(c.R)) > 0 || s * (Accompaniment(c.D) - Accompaniment(c.R)) > 0)
            causes.Add(better
                ? c.T("mieux compensées et accompagnées, elles sont plus à l'aise", "better compensated and accompanied, they feel more comfortable")
                : c.T("moins compensées ou moins accompagnées, elles sont moins à l'aise", "less compensated or accompanied, they feel less comfortable"));
        if (s * (c.D.ExpertsPerBody - c.R.ExpertsPerBody) > 0 || (better && c.D.PeerCommittee && !c.R.PeerCommittee))
            causes.Add(better
                ? c.T("elles siègent avec des pairs, c'est moins isolant", "they sit with peers, which is less isolating")
                : c.T("seules à leur siège, elles se sentent isolées", "alone in their seat, they feel isolated"));
        return causes;
    }

    /// <summary>Refusals are frequent when experts only advise and elected officials decide (selection.municipal_override_factor).</summary>
    private static bool OverrideProne(Levers l) =>
        l.ExpertDecisionRule == ExpertDecisionRule.Advisory && (l.DecisionBody == DecisionBody.TableDesPrefets || l.LocalDecision == LocalDecisionPath.MrcCoSignatory);

    private static int Rank(ExpertDecisionRule r) => (int)r;
    private static double Compensation(Levers l) => l.Allowance switch { Allowance.StandardAllowance => 1, Allowance.Stipend => 0.7, Allowance.CostCoverage => 0.3, _ => 0 };
    private static double Accompaniment(Levers l) => l.ExpertAccompaniment switch { ExpertAccompaniment.DedicatedAgent => 1, ExpertAccompaniment.Light => 0.5, _ => 0 };

    // ------------------------------------------------------------------------------------------------ actors and ties

    private static WhyNote? Prefets(Ctx c)
    {
        string e = c.Signed("prefet_engagement", 2);
        if (c.Up("prefet_engagement"))
        {
            var causes = new List<string>();
            if (c.D.RespondentSeniority > c.R.RespondentSeniority)
                causes.Add(c.T("un répondant ministériel de plus haut niveau a plus de poids auprès d'eux", "a more senior ministry respondent carries more weight with them"));
            if (ElectedAtTable(c.D) && !ElectedAtTable(c.R))
                causes.Add(c.T("la table régionale leur offre un lieu d'échange avec les autres acteurs", "the regional table gives them a place to exchange with other actors"));
            if (c.D.MinistryAccompaniment > c.R.MinistryAccompaniment)
                causes.Add(c.T("le ministère les accompagne davantage", "the ministry accompanies them more"));
            if (c.D.Coordination == CoordinationMode.FundedAnimation && c.R.Coordination != CoordinationMode.FundedAnimation)
                causes.Add(c.T("l'animation financée soutient la démarche régionale", "funded animation supports the regional process"));
            if (c.D.DirectiveStrength < c.R.DirectiveStrength - 1e-9)
                causes.Add(c.T("des orientations moins directives suscitent moins de résistance", "less directive orientations meet less resistance"));
            string why = Because(c, causes);
            return Note("good", c.T($"Les préfets s'engagent davantage ({e}){why}.", $"Préfets engage more ({e}){why}."), "prefet_engagement");
        }
        if (c.Down("prefet_engagement"))
        {
            var causes = new List<string>();
            if (c.D.DirectiveStrength > c.R.DirectiveStrength + 1e-9)
                causes.Add(c.T("des orientations plus directives suscitent de la résistance chez les élus", "more directive orientations meet resistance from elected officials"));
            if (c.D.LocalDecision == LocalDecisionPath.RegionalOnly && c.R.LocalDecision != LocalDecisionPath.RegionalOnly)
                causes.Add(c.T("ils perdent la main sur les décisions locales", "they lose their say on local decisions"));
            if (c.D.RespondentSeniority < c.R.RespondentSeniority)
                causes.Add(c.T("le répondant ministériel a moins de poids auprès d'eux", "the ministry respondent carries less weight with them"));
            if (ElectedAtTable(c.R) && !ElectedAtTable(c.D))
                causes.Add(c.T("ils n'ont plus de lieu d'échange régional", "they no longer have a regional exchange space"));
            string why = Because(c, causes);
            return Note("bad", c.T($"Les préfets s'engagent moins ({e}){why}.", $"Préfets engage less ({e}){why}."), "prefet_engagement");
        }
        return null;
    }

    private static WhyNote? Network(Ctx c)
    {
        string n = c.Signed("network_cohesion", 2);
        if (c.Up("network_cohesion"))
        {
            string why = c.D.RegionalTable && !c.R.RegionalTable
                ? c.T("la table régionale réunit chaque mois des gens de territoires différents, des liens se tissent entre territoires", "the regional table brings people from different territories together every month, and ties form between territories")
                : c.Up("mobilization")
                    ? c.T("des acteurs plus engagés assistent davantage aux rencontres et y renforcent leurs liens", "more engaged actors attend more meetings and strengthen their ties there")
                    : c.T("les rencontres renforcent davantage les liens", "meetings strengthen ties more");
            return Note("good", c.T($"Le réseau est plus soudé ({n}) : {why}.", $"The network is more tightly knit ({n}): {why}."), "network_cohesion");
        }
        if (c.Down("network_cohesion"))
        {
            string why = !c.D.RegionalTable && c.R.RegionalTable
                ? c.T("sans table régionale, peu de liens se créent entre territoires", "without a regional table, few ties form between territories")
                : c.T("les acteurs se rencontrent moins et les liens s'usent", "actors meet less and ties wear out");
            return Note("bad", c.T($"Le réseau est moins soudé ({n}) : {why}.", $"The network is less tightly knit ({n}): {why}."), "network_cohesion");
        }
        return null;
    }

    private static WhyNote? Mobilization(Ctx c)
    {
        string m = c.Signed("mobilization", 2);
        bool up = c.Up("mobilization");
        if (!up && !c.Down("mobilization")) return null;
        int s = up ? 1 : -1;
        var causes = new List<string>();
        if (s * (Animation(c.D) - Animation(c.R)) > 0)
            causes.Add(up ? c.T("l'animation financée soutient les tables et les organismes", "funded animation supports tables and organisations")
                          : c.T("une coordination seulement administrative soutient peu les acteurs", "a purely administrative coordination gives actors little support"));
        if (s * ((int)c.D.PartnerRole - (int)c.R.PartnerRole) > 0)
            causes.Add(up ? c.T("les partenaires sectoriels sont ancrés dans la démarche", "sectoral partners are anchored in the process")
                          : c.T("les partenaires sectoriels sont moins sollicités", "sectoral partners are less involved"));
        if (up && c.D.GenerationMode == GenerationMode.Concerted && c.R.GenerationMode != GenerationMode.Concerted)
            causes.Add(c.T("la démarche concertée engage les organismes ensemble", "the concerted approach engages organisations together"));
        if (s * (c.D.RespondentSeniority - c.R.RespondentSeniority) > 0)
            causes.Add(up ? c.T("un répondant de plus haut niveau entraîne les préfets", "a more senior respondent draws in the préfets")
                          : c.T("un répondant de moindre niveau entraîne moins les préfets", "a less senior respondent draws in the préfets less"));
        string why = Because(c, causes);
        return Note(up ? "good" : "bad", up
            ? c.T($"La mobilisation monte ({m}){why}.", $"Mobilization rises ({m}){why}.")
            : c.T($"La mobilisation baisse ({m}){why}.", $"Mobilization falls ({m}){why}."), "mobilization");
    }

    // ------------------------------------------------------------------------------------------------ projects and money

    private static WhyNote? RegionalProjects(Ctx c)
    {
        if (c.Moved("isolated_share")) return null; // already told with the isolated territories
        string r = c.Signed("regional_projects", 1);
        if (c.Up("regional_projects"))
        {
            var causes = new List<string>();
            if (c.D.RegionalShare > c.R.RegionalShare + 1e-9) causes.Add(c.T("une part régionale plus grande les finance", "a larger regional share funds them"));
            if (c.D.StrategicDevice is StrategicDevice.Chantiers or StrategicDevice.Fiches && c.R.StrategicDevice is not (StrategicDevice.Chantiers or StrategicDevice.Fiches))
                causes.Add(c.T("chaque priorité régionale a son chantier ou sa fiche", "every regional priority has its chantier or fiche"));
            string why = Because(c, causes);
            return Note("neutral", c.T($"Plus de projets régionaux ({r}){why} ; ils rejoignent les territoires aux besoins les plus grands.", $"More regional projects ({r}){why}; they reach the territories with the greatest needs."), "regional_projects");
        }
        if (c.Down("regional_projects"))
            return Note("neutral", c.T($"Moins de projets régionaux ({r}) : plus d'argent reste dans les enveloppes locales.", $"Fewer regional projects ({r}): more money stays in local envelopes."), "regional_projects");
        return null;
    }

    private static WhyNote? SharedVision(Ctx c)
    {
        string v = c.Signed("shared_vision", 2);
        if (c.Up("shared_vision"))
        {
            string why = Pull(c.D) > Pull(c.R) + 1e-9
                ? c.T(" : les chantiers ou fiches et la présence des concertations locales à la table les tirent vers les priorités communes", ": chantiers or fiches and local concertations at the table pull them toward shared priorities")
                : "";
            return Note("good", c.T($"Les tables locales partagent davantage les priorités régionales ({v}){why}.", $"Local tables share regional priorities more ({v}){why}."), "shared_vision");
        }
        if (c.Down("shared_vision"))
            return Note("bad", c.T($"Les tables locales s'éloignent des priorités régionales ({v}).", $"Local tables drift away from regional priorities ({v})."), "shared_vision");
        return null;
    }

    private static WhyNote? Leverage(Ctx c)
    {
        string l = c.Signed("leverage", 2);
        if (c.Up("leverage"))
        {
            var causes = new List<string>();
            if (c.D.Pooling > c.R.Pooling) causes.Add(c.T("la mise en commun avec d'autres fonds", "pooling with other funds"));
            if (c.D.GenerationMode == GenerationMode.Concerted && c.R.GenerationMode != GenerationMode.Concerted)
                causes.Add(c.T("des projets concertés qui réunissent plus de partenaires", "concerted projects with more partners"));
            if (c.Up("regional_projects")) causes.Add(c.T("des projets régionaux portés avec les partenaires sectoriels", "regional projects carried with sectoral partners"));
            string why = Because(c, causes);
            return Note("good", c.T($"Plus d'argent des partenaires par dollar du FQIS ({l}){why}.", $"More partner money per FQIS dollar ({l}){why}."), "leverage");
        }
        if (c.Down("leverage"))
            return Note("bad", c.T($"Moins d'argent des partenaires par dollar du FQIS ({l}) : les projets réunissent moins de partenaires.", $"Less partner money per FQIS dollar ({l}): projects bring together fewer partners."), "leverage");
        return null;
    }

    private static WhyNote? ProjectsFunded(Ctx c)
    {
        string p = c.Signed("projects_funded", 0);
        if (c.Down("projects_funded") && c.D.GenerationMode == GenerationMode.Concerted && c.R.GenerationMode != GenerationMode.Concerted)
            return Note("neutral", c.T($"Moins de projets ({p}), mais plus gros et plus collectifs : la démarche concertée en monte un par priorité locale.", $"Fewer projects ({p}), but larger and more collective: the concerted approach builds one per local priority."), "projects_funded");
        if (c.Up("projects_funded") && c.R.GenerationMode == GenerationMode.Concerted && c.D.GenerationMode != GenerationMode.Concerted)
            return Note("neutral", c.T($"Plus de projets ({p}), mais plus petits : chaque organisme dépose le sien.", $"More projects ({p}), but smaller: each organisation applies on its own."), "projects_funded");
        return null;
    }

    // ------------------------------------------------------------------------------------------------ lever readings

    private static bool ElectedAtTable(Levers l) => l.RegionalTable && l.TableHasElected;

    private static double Animation(Levers l) => l.Coordination == CoordinationMode.FundedAnimation ? 1 : 0;

    /// <summary>Animation time reserved for weak territories (only a funded animator has time to give).</summary>
    private static double AnimationForWeak(Levers l) => l.Coordination == CoordinationMode.FundedAnimation ? l.WeakTerritorySupport : 0.2 * l.WeakTerritorySupport;

    private static bool LessWeakSupport(Levers reference, Levers design) =>
        AnimationForWeak(design) > AnimationForWeak(reference) + 1e-9
        || (design.LocalSplit == LocalSplit.CapacityCompensating && reference.LocalSplit != LocalSplit.CapacityCompensating);

    /// <summary>Pull of local tables toward regional priorities (ODD §7.4).</summary>
    private static double Pull(Levers l)
    {
        double pull = l.StrategicDevice switch { StrategicDevice.Chantiers => 0.35, StrategicDevice.Fiches => 0.25, StrategicDevice.PriorityMatching => 0.05, _ => 0 };
        return l.RegionalTable && l.TableHasLocalConcertations ? pull : 0.3 * pull;
    }

    /// <summary>Causes are clauses: joined by semicolons.</summary>
    private static string Join(Ctx c, List<string> parts) => string.Join(c.T(" ; ", "; "), parts);

    /// <summary>": cause; cause" (French: non-breaking space before the colon), or nothing.</summary>
    private static string Because(Ctx c, List<string> causes) => causes.Count == 0 ? "" : c.T(" : ", ": ") + Join(c, causes);
}
