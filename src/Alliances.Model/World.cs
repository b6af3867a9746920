namespace Alliances.Model;

/// <summary>Agent types (brief §2, A1-A10).</summary>
public enum AgentKind : byte
{
    Ministry = 0,        // A1
    Respondent = 1,      // A2
    Coordinator = 2,     // A7
    SectoralPartner = 3, // A6
    Prefet = 4,          // A3/A4: préfet and MRC council of a territory
    LocalTable = 5,      // A8: the local concertation table (its animator and core)
    LocalAgent = 6,      // L16: dedicated local mobilisation staff
    Organisation = 7,    // A9: community organisations promoting projects
    Expert = 8,          // A10: experts de vécu
}

/// <summary>Regional sectoral partners (brief A6).</summary>
public enum Sector : byte { Health, Employment, Education, Housing, Philanthropy, CommunityDevelopment, Business }

/// <summary>Bodies that meet (brief A3, A5, A8, P9).</summary>
public enum BodyKind : byte { TableDesPrefets, RegionalTable, LocalTable, PeerCommittee }

/// <summary>How a funded project came about.</summary>
public enum ProjectSource : byte { Call, Concerted, RegionalCall, Regional }

/// <summary>Participation ladder (report L3700-3746; brief A10 state).</summary>
public enum Ladder : byte { None, Beneficiary, Volunteer, Consulted, Discussion, Deliberation, Collaboration, CommitteeMember, RegionalExpert }

/// <summary>
/// The whole state of one simulated region, as struct-of-arrays. Allocated once by <see cref="Initialization"/>;
/// the monthly step only writes into these arrays.
/// </summary>
public sealed class World
{
    public const int D = Domains.Count;
    public const int MaxPriorities = 8;

    // Configuration --------------------------------------------------------------------------------
    public required Levers Levers { get; init; }
    public required Parameters Parameters { get; init; }
    public required ShockSpec Shocks { get; init; }
    public required EditionSpec Edition { get; init; }
    public required RegionSpec Region { get; init; }
    public int Month;                 // current month, 0 = April 2018
    public int ApprovalMonth;         // work-plan approval
    public bool Pandemic, FundingGap, Bridged;

    // Agents (N) -----------------------------------------------------------------------------------
    public int N;
    public AgentKind[] Kind = [];
    public int[] Territory = [];      // -1 for regional actors
    public byte[] Tag = [];           // sector for partners, mission domain for organisations
    public double[] Engagement = [];
    public double[] Baseline = [];    // personal propensity (the attractor without drivers)
    public double[] Capacity = [];
    public double[] Burden = [];
    public double[] Voice = [];
    public double[] Efficacy = [];
    public double[] Partnership = []; // organisations: partnership propensity (report L4930-4947)
    public double[] Concern = [];     // préfets: autonomy concern (report L6294-6296)
    public bool[] Active = [];
    public bool[] Attended = [];      // this month
    public double[] Priority = [];    // N × D, rows sum to 1

    // Experts de vécu (indexed by agent; meaningful for Kind == Expert) --------------------------------
    public Ladder[] Level = [];
    public double[] Readiness = [];
    public double[] Frustration = [];
    public int[] Seat = [];           // seat index or -1
    public bool[] EverSeated = [];
    public int[] Exits = [];          // times this person left a seat
    public double[] OverridesThisMonth = [];
    public double[] RecsThisMonth = [];

    // Territories (T) ------------------------------------------------------------------------------
    public int T;
    public double[] Population = [], Deprivation = [], Density = [], Resources = [], Expertise = [], History = [], Culture = [];
    public double[] Need0 = [];       // T × D initial needs (unmet need share per domain)
    public double[] NeedNow = [];     // T × D current real need (pandemic shifts basic needs)
    public double[] Gain = [];        // T × D cumulative improvement
    public double[] TerritoryCapacity = [], InitialCapacity = [];
    public double[] Support = [];     // animation/accompaniment reaching the territory this month [0,1]
    public double[] RecentSuccess = [];
    public int[] LocalPriorityMask = [];
    public int[] ProjectsInTerritory = [];
    public long[] LocalEnvelope = []; // cents, uncommitted
    public long[] FundsToTerritory = [];// cents committed to projects reaching the territory (apportioned)
    public int[] PrefetOf = [], TableOf = [], LocalAgentOf = [];
    public int[] ExpertStart = [];    // experts of territory t are agents ExpertStart[t] .. ExpertEnd[t]-1
    public int[] ExpertEnd = [];
    public int[] OrgStart = [];
    public int[] OrgEnd = [];

    // Region -----------------------------------------------------------------------------------------
    public int RegionalPriorityMask;
    public double RegionalCapacity;
    public double RegionalSupport;    // accompaniment and brokerage reaching regional actors this month
    public int Ministry, Respondent, Coordinator, PartnerStart, PartnerCount;
    public double[] RegionalPriorityVector = new double[D];

    // Bodies (B) and seats ------------------------------------------------------------------------------
    public int B;
    public BodyKind[] BodyKindOf = [];
    public int[] BodyTerritory = [];
    public int[] BodyInterval = [];
    public int[] MemberStart = [];    // CSR: members of body b are Members[MemberStart[b]..MemberStart[b+1])
    public int[] Members = [];
    public int[] BodyEdgeStart = [];  // CSR: edges among members of body b
    public int[] BodyEdges = [];
    public double[] BodyEngagement = [];
    public int[] AgentBodyStart = []; // CSR inverse: bodies of agent i
    public int[] AgentBodies = [];
    public int RegionalTableBody = -1, PrefetsBody = -1, PeerBody = -1;
    public int[] LocalBody = [];
    public int[] SeatBody = [];       // expert seats
    public int[] SeatHolder = [];     // agent index or -1
    public int[] SeatTerritory = [];  // territory the seat recruits from (-1: any)

    // Network: undirected ties --------------------------------------------------------------------------
    public int E;
    public int[] EdgeA = [], EdgeB = [];
    public float[] Weight = [];

    // Projects ---------------------------------------------------------------------------------------
    public int ProjectCount;
    public int[] ProjTerritory = [];  // -1 for regional
    public int[] ProjReach = [];      // bitmask of territories reached
    public Domain[] ProjDomain = [];
    public ProjectSource[] ProjSource = [];
    public int[] ProjPromoter = [];
    public int[] ProjPartners = [];
    public long[] ProjBudget = [];
    public long[] ProjRemaining = [];
    public int[] ProjStart = [], ProjDuration = [];
    public double[] ProjQuality = [];
    public double[] ProjLeverage = [];  // partner dollars per FQIS dollar (outside the FQIS ledger)
    public bool[] ProjAligned = [], ProjObservedAligned = [], ProjDone = [], ProjSucceeded = [];

    // Proposals (scratch, reused each call) ---------------------------------------------------------
    public int ProposalCount;
    public int[] PropTerritory = [], PropReach = [], PropPromoter = [], PropPartners = [];
    public Domain[] PropDomain = [];
    public ProjectSource[] PropSource = [];
    public long[] PropBudget = [];
    public double[] PropScore = [];
    public bool[] PropRecommended = [];

    // Money (cents) ----------------------------------------------------------------------------------
    public long EditionEnvelope;      // scheduled total
    public long PaidByMinistry, CoordinationReserve, RegionalEnvelope, Spent, BridgingPaid;
    public long[] PaymentAt = [];     // scheduled ministry payments per month
    public long Withheld;             // scheduled payments not made during a funding gap
    public long CoordinationSpent;    // part of Spent that paid coordination
    public long PartnerLeverage;      // partner money combined with FQIS money in projects (outside the FQIS ledger)
    public long PooledCoordination;   // coordination costs paid by pooled envelopes (outside the FQIS ledger)

    // Counters ------------------------------------------------------------------------------------------
    public int Recommended, Ratified, ExpertRecommendations, ExpertOverrides, ExpertExits, RegionalProjects;

    // Scratch buffers (allocated once) ------------------------------------------------------------------
    public double[] ScratchD = new double[D];
    public double[] ScratchD2 = new double[D];
    public double[] ScratchT = [];
    public double[] ScratchT2 = [];
    public int[] ScratchIdx = [];
    public double[] ScratchMeeting = []; // (largest body + seats) × D
    public double[] ScratchDistance = [];// (largest body + seats)²

    /// <summary>Sum of every FQIS balance plus money spent: must always equal what the ministry paid.</summary>
    public long LedgerTotal()
    {
        long sum = CoordinationReserve + RegionalEnvelope + Spent;
        for (int t = 0; t < T; t++) sum += LocalEnvelope[t];
        for (int p = 0; p < ProjectCount; p++) sum += ProjRemaining[p];
        return sum;
    }

    public Span<double> PriorityOf(int agent) => Priority.AsSpan(agent * D, D);

    public static long Cents(double dollars) => (long)Math.Round(dollars * 100.0, MidpointRounding.AwayFromZero);
}
