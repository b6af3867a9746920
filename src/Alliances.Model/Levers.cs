namespace Alliances.Model;

// Design levers (brief §7, L01-L32). A design is one value of Levers; the presets are in Designs.cs.
// Every lever can be set from a scenario file (JSON names are the camelCase property names).

/// <summary>L06: who takes final funding decisions at regional level (report L1836-1865, L2012-2014).</summary>
public enum DecisionBody : byte { TableDesPrefets, RegionalTable }

/// <summary>L11: the local decision path (report L1957-1982, Tableau 6 L2044-2050).</summary>
public enum LocalDecisionPath : byte
{
    /// <summary>MRC councils co-sign and decide local projects (two of seven regions).</summary>
    MrcCoSignatory,
    /// <summary>MRC councils recommend to the regional decision body (two of seven).</summary>
    MrcRecommends,
    /// <summary>The local concertation recommends to the MRC and the regional body (three of seven).</summary>
    ConcertationRecommends,
    /// <summary>No local recommendation: the regional body selects directly (centralized pole, brief §6 [A]).</summary>
    RegionalOnly,
}

/// <summary>L09: regional strategic devices (report L1886-1908).</summary>
public enum StrategicDevice : byte { None, PriorityMatching, Fiches, Chantiers }

/// <summary>Role of regional sectoral partners at regional level (Tableau 6; report L2010-2082).</summary>
public enum PartnerRole : byte { NotSolicited, Administrative, Anchoring }

/// <summary>L10: FQIS management mode (report L1984-1993).</summary>
public enum ManagementMode : byte { Centralised, Shared, TwoTier }

/// <summary>L18: allocation of the local envelope among territories [A] (brief X4).</summary>
public enum LocalSplit : byte { Equal, Population, Deprivation, CapacityCompensating }

/// <summary>L12: project generation (report L4199-4205, L4935-4942, L5503-5511).</summary>
public enum GenerationMode : byte { CallForProjects, Concerted, RegionalCall }

/// <summary>L14: coordination (report L321-330, L5706-5708, L7382-7395).</summary>
public enum CoordinationMode : byte { Administrative, FundedAnimation }

/// <summary>L15: communities of practice and exchange (report L7397-7402).</summary>
public enum PracticeCommunity : byte { None, IntraRegional, InterRegional }

/// <summary>L04: respondent seniority (report L310-319, L5151-5161).</summary>
public enum RespondentSeniority : byte { Professional, Director, ProvincialLead }

/// <summary>L03: ministry accompaniment (report L281-288, L7427-7434).</summary>
public enum MinistryAccompaniment : byte { None, Uniform, Targeted }

/// <summary>L26: compensation of experts de vécu (report L2568-2572, L3655-3681).</summary>
public enum Allowance : byte { None, CostCoverage, Stipend, StandardAllowance }

/// <summary>L27: accompaniment of experts de vécu (report L2548-2566, L3832-3840).</summary>
public enum ExpertAccompaniment : byte { None, Light, DedicatedAgent }

/// <summary>L28: how experts' recommendations are treated [A derived from T] (report L3610-3618).</summary>
public enum ExpertDecisionRule : byte { Advisory, AdvisoryWithFeedback, GuaranteedShare }

/// <summary>L23: planning requirement (report L6371-6382, L6530-6537).</summary>
public enum PlanningRequirement : byte { LightWorkPlan, Strategy }

/// <summary>L22: envelope pooling (report L5361-5369, L6551-6554).</summary>
public enum Pooling : byte { Off, Allowed, Encouraged }

/// <summary>
/// One governance design: the full vector of levers. Immutable; presets in <see cref="Designs"/>.
/// </summary>
public sealed record Levers
{
    // Regional governance ---------------------------------------------------------------------------
    public DecisionBody DecisionBody { get; init; } = DecisionBody.TableDesPrefets;
    /// <summary>L07: a regional table exists.</summary>
    public bool RegionalTable { get; init; } = true;
    public bool TableHasElected { get; init; } = true;
    public bool TableHasLocalConcertations { get; init; } = true;
    public bool TableHasSectoralPartners { get; init; } = true;
    /// <summary>Experts de vécu seated on the regional table (cible 4, report L2114-2116).</summary>
    public bool TableHasExperts { get; init; }
    public PartnerRole PartnerRole { get; init; } = PartnerRole.Administrative;
    public StrategicDevice StrategicDevice { get; init; } = StrategicDevice.PriorityMatching;
    /// <summary>L08: share of the project envelope reserved for regional projects (0-25 % observed; 35-40 % Montréal).</summary>
    public double RegionalShare { get; init; } = 0.10;
    /// <summary>At 0 % share, territories concerned co-fund regional projects from local envelopes (report L2002-2003).</summary>
    public bool RegionalCoFunding { get; init; } = true;
    public PlanningRequirement PlanningRequirement { get; init; } = PlanningRequirement.LightWorkPlan;

    // Local governance and money --------------------------------------------------------------------
    public LocalDecisionPath LocalDecision { get; init; } = LocalDecisionPath.ConcertationRecommends;
    public ManagementMode ManagementMode { get; init; } = ManagementMode.Shared;
    public LocalSplit LocalSplit { get; init; } = LocalSplit.Deprivation;
    public GenerationMode GenerationMode { get; init; } = GenerationMode.CallForProjects;
    /// <summary>L13: probability that a project targeting no regional priority is still eligible (report L4100-4103).</summary>
    public double LocalOnlyTolerance { get; init; } = 0.5;
    /// <summary>L20: project duration in months (1 to 3 years; report L6549-6551).</summary>
    public int ProjectDurationMonths { get; init; } = 24;
    /// <summary>Share of each payment kept for coordination (amount unspecified; report L740-743) [A].</summary>
    public double CoordinationShare { get; init; } = 0.06;
    public Pooling Pooling { get; init; } = Pooling.Off;

    // Coordination, learning, ministry --------------------------------------------------------------
    public CoordinationMode Coordination { get; init; } = CoordinationMode.Administrative;
    /// <summary>L14: share of the animator's time reserved for low-capacity territories.</summary>
    public double WeakTerritorySupport { get; init; }
    public PracticeCommunity PracticeCommunity { get; init; } = PracticeCommunity.None;
    /// <summary>L16: dedicated local mobilisation agents (report L5541-5547).</summary>
    public bool LocalMobilisationStaff { get; init; }
    public RespondentSeniority RespondentSeniority { get; init; } = RespondentSeniority.Professional;
    public MinistryAccompaniment MinistryAccompaniment { get; init; } = MinistryAccompaniment.Uniform;
    /// <summary>L01: directive strength of provincial governance (2017-2023 low).</summary>
    public double DirectiveStrength { get; init; } = 0.2;
    /// <summary>L32: evaluation accompaniment and standard priority coding.</summary>
    public bool EvaluationSupport { get; init; }

    // Experts de vécu (cible 4) ---------------------------------------------------------------------
    /// <summary>Experts seated on local concertation tables.</summary>
    public bool ExpertsOnLocalTables { get; init; }
    /// <summary>L25: seats per body where experts sit (1, 2, 3+).</summary>
    public int ExpertsPerBody { get; init; } = 1;
    /// <summary>L25: a regional peer committee (AVEC, 4 to 12 people) that analyses projects.</summary>
    public bool PeerCommittee { get; init; }
    public int PeerCommitteeSize { get; init; } = 8;
    public Allowance Allowance { get; init; } = Allowance.CostCoverage;
    public ExpertAccompaniment ExpertAccompaniment { get; init; } = ExpertAccompaniment.None;
    public ExpertDecisionRule ExpertDecisionRule { get; init; } = ExpertDecisionRule.Advisory;

    /// <summary>True when any expert seat exists under this design.</summary>
    public bool SeatsExperts => ExpertsOnLocalTables || (RegionalTable && TableHasExperts) || PeerCommittee;
}
