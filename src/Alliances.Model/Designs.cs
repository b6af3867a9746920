namespace Alliances.Model;

/// <summary>
/// The three poles of brief §6 as lever presets. The balanced pole is the report's recommendation
/// (report L106-107, L266-271, L7349-7364); the decentralized pole is the 2017-2023 default in most regions
/// (report L106-108); the centralized pole is a counterfactual with no observed instance (brief X7 [A]).
/// </summary>
public static class Designs
{
    public static readonly Levers Decentralized = new()
    {
        DecisionBody = DecisionBody.TableDesPrefets,
        RegionalTable = false,
        TableHasElected = false,
        TableHasLocalConcertations = false,
        TableHasSectoralPartners = false,
        TableHasExperts = false,
        PartnerRole = PartnerRole.NotSolicited,
        StrategicDevice = StrategicDevice.PriorityMatching,
        RegionalShare = 0.05,
        RegionalCoFunding = true,
        LocalDecision = LocalDecisionPath.MrcCoSignatory,
        ManagementMode = ManagementMode.TwoTier,
        LocalSplit = LocalSplit.Population,
        GenerationMode = GenerationMode.CallForProjects,
        LocalOnlyTolerance = 0.6,
        Coordination = CoordinationMode.Administrative,
        WeakTerritorySupport = 0.0,
        PracticeCommunity = PracticeCommunity.None,
        RespondentSeniority = RespondentSeniority.Professional,
        MinistryAccompaniment = MinistryAccompaniment.Uniform,
        DirectiveStrength = 0.1,
        ExpertsOnLocalTables = false,
        PeerCommittee = false,
        Allowance = Allowance.CostCoverage,
        ExpertAccompaniment = ExpertAccompaniment.None,
    };

    public static readonly Levers Balanced = new()
    {
        DecisionBody = DecisionBody.TableDesPrefets,
        RegionalTable = true,
        TableHasElected = true,
        TableHasLocalConcertations = true,
        TableHasSectoralPartners = true,
        TableHasExperts = true,
        PartnerRole = PartnerRole.Anchoring,
        StrategicDevice = StrategicDevice.Chantiers,
        RegionalShare = 0.20,
        RegionalCoFunding = true,
        LocalDecision = LocalDecisionPath.ConcertationRecommends,
        ManagementMode = ManagementMode.Shared,
        LocalSplit = LocalSplit.CapacityCompensating,
        GenerationMode = GenerationMode.Concerted,
        LocalOnlyTolerance = 0.3,
        Coordination = CoordinationMode.FundedAnimation,
        WeakTerritorySupport = 0.4,
        CoordinationShare = 0.10,
        Pooling = Pooling.Encouraged,
        PracticeCommunity = PracticeCommunity.IntraRegional,
        LocalMobilisationStaff = false,
        RespondentSeniority = RespondentSeniority.Director,
        MinistryAccompaniment = MinistryAccompaniment.Targeted,
        DirectiveStrength = 0.4,
        ExpertsOnLocalTables = true,
        ExpertsPerBody = 2,
        PeerCommittee = true,
        Allowance = Allowance.StandardAllowance,
        ExpertAccompaniment = ExpertAccompaniment.DedicatedAgent,
        ExpertDecisionRule = ExpertDecisionRule.AdvisoryWithFeedback,
    };

    public static readonly Levers Centralized = new()
    {
        DecisionBody = DecisionBody.RegionalTable,
        RegionalTable = true,
        TableHasElected = true,
        TableHasLocalConcertations = false,
        TableHasSectoralPartners = true,
        TableHasExperts = false,
        PartnerRole = PartnerRole.Anchoring,
        StrategicDevice = StrategicDevice.Chantiers,
        RegionalShare = 0.40,
        RegionalCoFunding = false,
        PlanningRequirement = PlanningRequirement.Strategy,
        LocalDecision = LocalDecisionPath.RegionalOnly,
        ManagementMode = ManagementMode.Centralised,
        LocalSplit = LocalSplit.Deprivation,
        GenerationMode = GenerationMode.RegionalCall,
        LocalOnlyTolerance = 0.15,
        Coordination = CoordinationMode.FundedAnimation,
        WeakTerritorySupport = 0.1,
        CoordinationShare = 0.10,
        PracticeCommunity = PracticeCommunity.None,
        RespondentSeniority = RespondentSeniority.Director,
        MinistryAccompaniment = MinistryAccompaniment.Uniform,
        DirectiveStrength = 0.8,
        ExpertsOnLocalTables = false,
        PeerCommittee = false,
        Allowance = Allowance.CostCoverage,
        ExpertAccompaniment = ExpertAccompaniment.Light,
    };

    public static IReadOnlyDictionary<string, Levers> Presets { get; } = new Dictionary<string, Levers>
    {
        ["centralized"] = Centralized,
        ["decentralized"] = Decentralized,
        ["balanced"] = Balanced,
    };
}
