namespace Alliances.Model;

/// <summary>Evidence tag of a parameter's default (brief, "Evidence tags").</summary>
public enum Evidence : byte { S, T, Lit, R, U, A }

/// <summary>
/// A model parameter: its name in scenario files, its default, the plausible range used for uncertainty and
/// sensitivity analysis, its evidence tag and its source. [U] parameters have ranges that include zero.
/// </summary>
public sealed record ParamDef(int Index, string Name, double Default, double Low, double High, Evidence Tag, string Source)
{
    public bool IsInteger { get; init; }
}

/// <summary>
/// Parameter values of one run: a flat array indexed by <see cref="ParamDef.Index"/>, so submodels read them
/// without lookups. <see cref="P"/> lists every parameter once.
/// </summary>
public sealed class Parameters
{
    private readonly double[] _values;

    public Parameters() => _values = P.All.Select(d => d.Default).ToArray();
    private Parameters(double[] values) => _values = values;

    public double this[ParamDef def]
    {
        get => _values[def.Index];
        set => _values[def.Index] = value;
    }

    public double this[int index] => _values[index];
    public Parameters Clone() => new((double[])_values.Clone());
    public ReadOnlySpan<double> Values => _values;
}

/// <summary>The parameter registry. Names are stable: they are used by scenario files and analysis outputs.</summary>
public static class P
{
    private static readonly List<ParamDef> _all = [];
    public static IReadOnlyList<ParamDef> All => _all;
    private static readonly Dictionary<string, ParamDef> _byName = new(StringComparer.Ordinal);
    public static bool TryGet(string name, out ParamDef def) => _byName.TryGetValue(name, out def!);

    private static ParamDef Def(string name, double def, double low, double high, Evidence tag, string source, bool integer = false)
    {
        var d = new ParamDef(_all.Count, name, def, low, high, tag, source) { IsInteger = integer };
        _all.Add(d);
        _byName.Add(name, d);
        return d;
    }

    // --- Money (brief §1 "The money", P0, P6) -------------------------------------------------------
    public static readonly ParamDef StartupPayment = Def("money.startup_payment", 70_000, 70_000, 70_000, Evidence.S,
        "70 000 $ on signature to produce the work plan (report L544-552)");
    public static readonly ParamDef SecondPaymentShare = Def("money.second_payment_share", 0.25, 0.15, 0.35, Evidence.A,
        "'a larger second payment' on work-plan approval (report L544-552); size not given [A]");
    public static readonly ParamDef ApprovalMonths = Def("money.approval_months", 6, 3, 12, Evidence.A,
        "months from signature to work-plan approval with a light plan (report L546-551) [A]", integer: true);
    public static readonly ParamDef StrategyExtraMonths = Def("money.strategy_extra_months", 4, 2, 8, Evidence.A,
        "extra planning months under a strategy-based plan (report L6371-6382) [A]", integer: true);
    public static readonly ParamDef CallSpendFraction = Def("money.call_spend_fraction", 0.45, 0.3, 0.7, Evidence.A,
        "share of an uncommitted envelope offered at each call (brief X3) [A]");
    public static readonly ParamDef CoordinatorMonthlyCost = Def("money.coordinator_monthly_cost", 6_000, 4_000, 9_000, Evidence.A,
        "monthly cost of regional coordination, administrative contract (report L5706-5708) [A]");
    public static readonly ParamDef AnimationMonthlyCost = Def("money.animation_monthly_cost", 9_000, 6_000, 13_000, Evidence.A,
        "monthly cost of funded, hosted animation (report L7382-7395) [A]");

    // --- Population of agents (brief §2, X5) --------------------------------------------------------
    public static readonly ParamDef OrgsPerTerritory = Def("agents.organisations_per_territory", 40, 20, 60, Evidence.A,
        "community organisations per territory of median size and capital (brief §2 A9) [A]", integer: true);
    public static readonly ParamDef TableBreadth = Def("agents.local_table_breadth", 0.35, 0.2, 0.5, Evidence.A,
        "share of organisations sitting on the local concertation table (report L5475-5486) [A]");

    // --- Projects (P4, P7; brief X3) -----------------------------------------------------------------
    public static readonly ParamDef SmallProjectSize = Def("projects.call_size", 45_000, 25_000, 70_000, Evidence.A,
        "mean FQIS amount of a single-organisation project from a call (brief X3) [A]");
    public static readonly ParamDef ConcertedSizeMultiplier = Def("projects.concerted_size_multiplier", 2.5, 1.5, 4.0, Evidence.A,
        "concerted projects are fewer and larger (report L4199-4205) [A for the factor]");
    public static readonly ParamDef ApplyRate = Def("projects.apply_rate", 0.35, 0.15, 0.6, Evidence.A,
        "probability that an engaged, capable organisation answers a call (brief X3) [A]");
    public static readonly ParamDef RegionalProjectSize = Def("projects.regional_size", 180_000, 100_000, 300_000, Evidence.A,
        "FQIS amount of a regional project (brief X3) [A]; with a fixed size, a larger regional share buys more regional projects (report L181-184)");
    public static readonly ParamDef CapacityMediation = Def("projects.capacity_mediation", 0.6, 0.3, 0.9, Evidence.S,
        "share of a project's effect that depends on the territory's collective capacity: progress tracks local resources and expertise (report L110-115, L5619-5627) [magnitude A]");
    public static readonly ParamDef SynergyPull = Def("projects.synergy_pull", 0.2, 0.0, 0.4, Evidence.S,
        "pull of a regional project on the priorities of the local tables it reaches: regional projects in synergy with local action go with higher alignment (M21, M22; report L178-184, L1900-1908) [S, correlation; magnitude A]");
    public static readonly ParamDef RegionalReach = Def("projects.regional_reach", 0.5, 0.3, 0.8, Evidence.A,
        "share of territories a regional project reaches; 'often three or more' (report L1997, L6411-6413)");
    public static readonly ParamDef QualityBase = Def("projects.quality_base", 0.35, 0.2, 0.5, Evidence.A,
        "success probability of a project with no capacity, partner or accompaniment (brief X3) [A]");
    public static readonly ParamDef QualityCapacity = Def("projects.quality_capacity", 0.35, 0.2, 0.5, Evidence.A,
        "weight of promoter capacity in success (report L5619-5621) [A]");
    public static readonly ParamDef QualityPartners = Def("projects.quality_partners", 0.12, 0.0, 0.25, Evidence.A,
        "weight of real collaboration in success; quality is not mechanically tied to concertation (report L4948-4951) [A]");
    public static readonly ParamDef QualityAccompaniment = Def("projects.quality_accompaniment", 0.12, 0.0, 0.25, Evidence.A,
        "weight of accompaniment in success (seed 002) [A]");
    public static readonly ParamDef EffectPerDollar = Def("projects.effect_per_million", 3.0, 0.0, 5.0, Evidence.U,
        "M49 [U]: need reduction per M$ spent at full quality in one domain of a territory, scaled by unmet need; the size of territorial action's contribution could not be established and no effect sizes exist (report L214-218, L1140-1145, L4266-4275), so the range includes zero");
    public static readonly ParamDef CompletionBonus = Def("projects.completion_bonus", 0.3, 0.0, 0.6, Evidence.A,
        "extra lasting effect of a successful completion relative to accrued effects (brief X3) [A]");
    public static readonly ParamDef LabellingNoise = Def("projects.labelling_noise", 0.12, 0.0, 0.25, Evidence.A,
        "probability a project's priority link is mislabelled in reports (report L4023-4031) [A]");

    public static readonly ParamDef PartnerLeverage = Def("money.partner_leverage", 0.5, 0.2, 1.4, Evidence.S,
        "partner money per FQIS dollar in funded projects; in 2010-2016 partners put 1.35 $ per FQIS $ (report L7823-7831) [value A]");
    public static readonly ParamDef PoolingShare = Def("money.pooling_share", 0.35, 0.1, 0.6, Evidence.S,
        "share of coordination costs paid by pooled envelopes when pooling is encouraged; half when allowed (report L5361-5369) [value A]");

    public static readonly ParamDef AllowanceMonthly = Def("money.allowance_monthly", 220, 120, 440, Evidence.T,
        "monthly cost of a standard allowance per seated expert; observed 60 $ per two weeks to 110 $ a day (report L3655-3681); a stipend costs 60 %, cost coverage 25 % [A]");

    // --- Selection (P5) -----------------------------------------------------------------------------
    public static readonly ParamDef Ratification = Def("selection.ratification", 0.97, 0.9, 1.0, Evidence.A,
        "probability a local recommendation is ratified; 'nearly always' (report L1979-1982; brief X6)");
    public static readonly ParamDef OverrideBase = Def("selection.expert_override", 0.3, 0.05, 0.6, Evidence.A,
        "probability the deciding body overrides a divergent expert recommendation (report L3610-3618) [A]");
    public static readonly ParamDef MunicipalOverrideFactor = Def("selection.municipal_override_factor", 1.4, 1.0, 2.0, Evidence.T,
        "overrides are more frequent where municipal managers decide (report L2662-2682) [T, factor A]");

    // --- Mobilisation (P1; brief X2) -----------------------------------------------------------------
    public static readonly ParamDef EngagementRate = Def("mobilization.rate", 0.12, 0.05, 0.25, Evidence.A,
        "monthly rate at which engagement moves toward its attractor (brief X2) [A]");
    public static readonly ParamDef PeerWeight = Def("mobilization.peer_weight", 0.35, 0.1, 0.6, Evidence.A,
        "pull of co-members' engagement (seed 000; report L1081-1094) [A]");
    public static readonly ParamDef EfficacyWeight = Def("mobilization.efficacy_weight", 0.3, 0.1, 0.5, Evidence.A,
        "effect of perceived efficacy: own priorities funded, recommendations followed (report L5494-5499) [A]");
    public static readonly ParamDef SupportWeight = Def("mobilization.support_weight", 0.3, 0.1, 0.5, Evidence.A,
        "effect of animation and accompaniment (report L5541-5547; seed 002) [A]");
    public static readonly ParamDef BurdenWeight = Def("mobilization.burden_weight", 0.3, 0.1, 0.5, Evidence.A,
        "effect of burden beyond capacity (report L5541-5559) [A]");
    public static readonly ParamDef ConflictWeight = Def("mobilization.conflict_weight", 0.3, 0.1, 0.5, Evidence.A,
        "effect of elected-partner conflict and autonomy fears (report L6684-6695) [A]");
    public static readonly ParamDef GapPenalty = Def("mobilization.gap_penalty", 0.6, 0.3, 0.9, Evidence.S,
        "fall of the engagement attractor without funding and animation (report L363-366, L6456-6459) [magnitude A]");
    public static readonly ParamDef LocalHolding = Def("mobilization.local_holding", 0.55, 0.2, 0.8, Evidence.S,
        "local concertations held on through the transition (report L5614-5618) [magnitude A]");
    public static readonly ParamDef BridgingEffect = Def("mobilization.bridging_effect", 0.6, 0.3, 0.9, Evidence.S,
        "share of the gap penalty a bridging payment offsets (report L363-366) [magnitude A]");
    public static readonly ParamDef ExitThreshold = Def("mobilization.exit_threshold", 0.18, 0.1, 0.3, Evidence.A,
        "engagement below which organisations may leave (brief X2) [A]");
    public static readonly ParamDef ExitRate = Def("mobilization.exit_rate", 0.15, 0.05, 0.3, Evidence.A,
        "monthly exit probability below the threshold (brief X2) [A]");
    public static readonly ParamDef ReentryRate = Def("mobilization.reentry_rate", 0.04, 0.01, 0.1, Evidence.A,
        "monthly re-entry probability with support (brief X2) [A]");
    public static readonly ParamDef PrefetSpread = Def("mobilization.prefet_spread", 0.25, 0.1, 0.35, Evidence.S,
        "between-region spread of préfets' collaborator propensity: 'very variable' (report L76-79, L5297-5317) [value A]");
    public static readonly ParamDef SeniorityInfluence = Def("mobilization.seniority_influence", 0.12, 0.0, 0.25, Evidence.R,
        "pull of a senior respondent on préfets' engagement (report L310-319) [R]");
    public static readonly ParamDef AccompanimentEffect = Def("mobilization.ministry_accompaniment", 0.1, 0.0, 0.2, Evidence.R,
        "ministry accompaniment effect on regional actors' understanding (report L281-288, L7427-7434) [R]");
    public static readonly ParamDef DirectiveResistance = Def("mobilization.directive_resistance", 0.2, 0.0, 0.4, Evidence.S,
        "elected officials resist precise guidelines (report L7520-7521) [magnitude A]");

    // --- Concertation (P2) ---------------------------------------------------------------------------
    public static readonly ParamDef ConfidenceBound = Def("concertation.confidence_bound", 0.55, 0.3, 0.8, Evidence.A,
        "bounded-confidence threshold on priority distance (Hegselmann-Krause style) [A]");
    public static readonly ParamDef ConvergenceRate = Def("concertation.convergence_rate", 0.25, 0.1, 0.4, Evidence.A,
        "share of the gap to the weighted local mean closed per meeting [A]");
    public static readonly ParamDef ExpertInfluence = Def("concertation.expert_influence", 0.25, 0.0, 0.5, Evidence.U,
        "M68 [U]: weight of experts' needs knowledge in others' priorities; unconfirmed (report L144-149, L3983-3986)");
    public static readonly ParamDef TieGrowth = Def("network.tie_growth", 0.12, 0.05, 0.25, Evidence.A,
        "tie strengthening per joint meeting (brief X2) [A]");
    public static readonly ParamDef TieDecay = Def("network.tie_decay", 0.03, 0.01, 0.06, Evidence.A,
        "monthly decay of unused ties (brief X2) [A]");
    public static readonly ParamDef VirtualAttendance = Def("shocks.virtual_attendance", 0.6, 0.4, 0.9, Evidence.S,
        "attendance of experts and small organisations when meetings go virtual: digital divide (report L2653-2661)");

    // --- Capacity and learning (P8) -----------------------------------------------------------------
    public static readonly ParamDef CapacityGrowth = Def("capacity.growth", 0.02, 0.008, 0.04, Evidence.A,
        "monthly growth of collective capacity under sustained concertation and success (report L210-212) [A]");
    public static readonly ParamDef CapacityDecay = Def("capacity.decay", 0.006, 0.002, 0.012, Evidence.A,
        "monthly decay without activity (seed 000) [A]");
    public static readonly ParamDef ExchangeRate = Def("capacity.exchange", 0.03, 0.0, 0.06, Evidence.R,
        "catch-up of weaker territories through exchange and regional support (report L321-330, L7397-7402) [magnitude A]");
    public static readonly ParamDef AnimationSupport = Def("capacity.animation_support", 0.5, 0.2, 0.8, Evidence.R,
        "support a funded animator gives the territories it reaches (report L321-330) [magnitude A]");

    // --- Experts de vécu (P9) -------------------------------------------------------------------------
    public static readonly ParamDef ExpertPool = Def("experts.pool_per_territory", 8, 4, 14, Evidence.A,
        "potential experts per territory (brief X5) [A]", integer: true);
    public static readonly ParamDef RecruitRate = Def("experts.recruit_rate", 0.25, 0.1, 0.5, Evidence.T,
        "monthly probability a vacant seat is filled by a ready person (report L3321-3366, L8349-8351) [value A]");
    public static readonly ParamDef ExpertExitBase = Def("experts.exit_base", 0.03, 0.01, 0.06, Evidence.A,
        "monthly exit probability of a seated expert with no comfort (report L2816-2831: tenures 2-5 years) [A]");
    public static readonly ParamDef ExpertExitOverride = Def("experts.exit_override", 0.25, 0.05, 0.5, Evidence.T,
        "exit probability per unit of override frustration (report L3610-3618) [functional form A]");
    public static readonly ParamDef PeerComfort = Def("experts.peer_comfort", 0.25, 0.1, 0.4, Evidence.T,
        "comfort from peers on the same body (report L3621-3629) [magnitude A]");
    public static readonly ParamDef AccompanimentComfort = Def("experts.accompaniment_comfort", 0.3, 0.1, 0.45, Evidence.T,
        "comfort from accompaniment, the first enabler (report L2562-2566) [magnitude A]");
    public static readonly ParamDef AllowanceComfort = Def("experts.allowance_comfort", 0.2, 0.05, 0.35, Evidence.T,
        "comfort and parity from allowances (report L3655-3681) [magnitude A]");
    public static readonly ParamDef StigmaWeight = Def("experts.stigma", 0.2, 0.0, 0.35, Evidence.T,
        "fear of labelling in low-density territories (report L2597-2603) [magnitude A]");

    // --- Shocks (P10) and elections (X1) ------------------------------------------------------------
    public static readonly ParamDef PandemicEffect = Def("shocks.pandemic_effect", 0.6, 0.4, 0.9, Evidence.S,
        "project effects during the pandemic relative to normal (report L4363-4390) [magnitude A]");
    public static readonly ParamDef PandemicNeedShift = Def("shocks.pandemic_need_shift", 0.35, 0.1, 0.6, Evidence.S,
        "relative rise of basic needs during the pandemic (report L4226-4234, 'possibly') [magnitude A]");
    public static readonly ParamDef ElectionTurnover = Def("elections.turnover", 0.3, 0.0, 0.5, Evidence.A,
        "X1 [A]: share of préfets replaced at a municipal general election; used only when elections are enabled (seed 001)");
}
