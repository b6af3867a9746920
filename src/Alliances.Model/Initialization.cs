using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// ODD "Initialization": builds the state of a region for one replication. Every random draw here comes from the
/// (seed, replication, Agents) stream and happens in the same order whatever the design, so that designs compared on
/// one replication start from the same people, needs and ties (common random numbers). The design only decides who
/// sits on which body.
/// </summary>
public static class Initialization
{
    public const int MaxProjects = 4096;
    public const int MaxProposals = 2048;

    public static World Create(RegionSpec region, Levers levers, Parameters parameters, ShockSpec shocks, EditionSpec edition,
        ulong seed, long replication)
    {
        int T = region.Territories.Count;
        if (T is < RegionGenerator.MinTerritories or > RegionGenerator.MaxTerritories)
            throw new ArgumentException($"a region needs {RegionGenerator.MinTerritories} to {RegionGenerator.MaxTerritories} territories, got {T}");
        var rng = Streams.Create(seed, replication, Purpose.Agents);
        var p = parameters;
        var w = new World { Levers = levers, Parameters = parameters, Shocks = shocks, Edition = edition, Region = region };
        const int D = World.D;

        // Territories -------------------------------------------------------------------------------
        w.T = T;
        w.Population = new double[T]; w.Deprivation = new double[T]; w.Density = new double[T];
        w.Resources = new double[T]; w.Expertise = new double[T]; w.History = new double[T]; w.Culture = new double[T];
        w.Need0 = new double[T * D]; w.NeedNow = new double[T * D]; w.Gain = new double[T * D];
        w.TerritoryCapacity = new double[T]; w.InitialCapacity = new double[T]; w.Support = new double[T];
        w.RecentSuccess = new double[T]; w.LocalPriorityMask = new int[T]; w.ProjectsInTerritory = new int[T];
        w.LocalEnvelope = new long[T]; w.FundsToTerritory = new long[T];
        w.PrefetOf = new int[T]; w.TableOf = new int[T]; w.LocalAgentOf = new int[T];
        w.ExpertStart = new int[T]; w.ExpertEnd = new int[T]; w.OrgStart = new int[T]; w.OrgEnd = new int[T];
        w.ScratchT = new double[T]; w.ScratchT2 = new double[T];
        for (int t = 0; t < T; t++)
        {
            var s = region.Territories[t];
            w.Population[t] = s.Population; w.Deprivation[t] = s.Deprivation; w.Density[t] = s.Density;
            w.Resources[t] = s.Resources; w.Expertise[t] = s.Expertise; w.History[t] = s.ConcertationHistory;
            w.Culture[t] = s.ParticipationCulture;
            // Initial collective capacity: resources, expertise and community capital (report L5619-5621; seed 002) [A weights].
            w.TerritoryCapacity[t] = w.InitialCapacity[t] = Clamp01(0.45 * s.Resources + 0.3 * s.Expertise + 0.25 * s.CommunityCapital);
            // Needs per domain: deprivation times a profile; remote territories need transport and access, dense ones housing
            // (report L2601-2603, L4385-4389, L5529-5537) [A profile].
            for (int d = 0; d < D; d++)
            {
                double profile = (Domain)d switch
                {
                    Domain.Transport => 0.5 + 0.8 * (1 - s.Density),
                    Domain.AccessToServices => 0.6 + 0.5 * (1 - s.Density),
                    Domain.Housing => 0.5 + 0.8 * s.Density,
                    Domain.FoodSecurity => 0.9,
                    Domain.Employment => 0.8,
                    _ => 0.7,
                };
                double need = s.Deprivation * profile * (0.7 + 0.6 * rng.NextDouble());
                w.Need0[t * D + d] = w.NeedNow[t * D + d] = Math.Clamp(0.1 + 0.8 * need, 0.05, 1.0);
            }
        }

        // Agents, in a fixed order ------------------------------------------------------------------
        int orgBase = (int)Math.Round(p[P.OrgsPerTerritory]);
        int pool = (int)Math.Round(p[P.ExpertPool]);
        var orgCounts = new int[T];
        int n = 3 + 7;
        for (int t = 0; t < T; t++)
        {
            var s = region.Territories[t];
            orgCounts[t] = Math.Max(8, (int)Math.Round(orgBase * (0.6 + 0.8 * s.CommunityCapital) * Math.Sqrt(s.Population / 35_000.0)));
            orgCounts[t] = Math.Min(orgCounts[t], 160);
            n += 3 + orgCounts[t] + pool;
        }
        w.N = n;
        w.Kind = new AgentKind[n]; w.Territory = new int[n]; w.Tag = new byte[n];
        w.Engagement = new double[n]; w.Baseline = new double[n]; w.Capacity = new double[n]; w.Burden = new double[n];
        w.Voice = new double[n]; w.Efficacy = new double[n]; w.Partnership = new double[n]; w.Concern = new double[n];
        w.Active = new bool[n]; w.Attended = new bool[n]; w.Priority = new double[n * D];
        w.Level = new Ladder[n]; w.Readiness = new double[n]; w.Frustration = new double[n];
        w.Seat = new int[n]; w.EverSeated = new bool[n]; w.Exits = new int[n];
        w.OverridesThisMonth = new double[n]; w.RecsThisMonth = new double[n];
        w.ScratchIdx = new int[n + MaxProposals];
        Array.Fill(w.Seat, -1);
        var tableDraw = new double[n];

        int a = 0;
        double stance = rng.NextGaussian() * p[P.PrefetSpread]; // regional political stance of the préfets (report L76-79)
        w.RegionalCapacity = Clamp01(0.3 * region.PriorRegionalConcertation + 0.3 * region.LpesExperience
                                     + 0.2 * region.PartnerDensity + 0.2 * region.LeaderContinuity);

        w.Ministry = a; Add(w, ref a, AgentKind.Ministry, -1, 0, 0.5, 0.8);
        w.Respondent = a; Add(w, ref a, AgentKind.Respondent, -1, 0, 0.6, 0.6);
        w.Coordinator = a; Add(w, ref a, AgentKind.Coordinator, -1, 0, 0.7, 0.6);
        for (int d = 0; d < D; d++) w.ScratchD[d] = 1.0 / D;
        SetPriority(w, w.Ministry, w.ScratchD, 0.2, ref rng);
        SetPriority(w, w.Respondent, w.ScratchD, 0.2, ref rng);
        SetPriority(w, w.Coordinator, w.ScratchD, 0.2, ref rng);

        w.PartnerStart = a; w.PartnerCount = 7;
        for (int sIdx = 0; sIdx < 7; sIdx++)
        {
            double b = Clamp01(0.25 + 0.4 * region.PartnerDensity + 0.1 * rng.NextGaussian());
            int id = a;
            Add(w, ref a, AgentKind.SectoralPartner, -1, (byte)sIdx, b, 0.5 + 0.3 * rng.NextDouble());
            SectorProfile((Sector)sIdx, w.ScratchD);
            SetPriority(w, id, w.ScratchD, 0.3, ref rng);
        }

        for (int t = 0; t < T; t++)
        {
            var s = region.Territories[t];
            // Préfet / MRC council: collaborator propensity (report L5317-5320, L6264-6268, L6690-6691) around the regional stance.
            double bPrefet = Clamp01(0.2 + 0.25 * region.LeaderContinuity + 0.15 * region.PriorRegionalConcertation
                                     + 0.1 * region.ElectedPartnerRelations + stance + 0.08 * rng.NextGaussian());
            w.PrefetOf[t] = a;
            Add(w, ref a, AgentKind.Prefet, t, 0, bPrefet, 0.4 + 0.4 * s.Resources);
            w.Concern[w.PrefetOf[t]] = Clamp01(0.3 + 0.4 * rng.NextDouble());
            PrefetProfile(w, t, w.ScratchD);
            SetPriority(w, w.PrefetOf[t], w.ScratchD, 0.3, ref rng);

            w.TableOf[t] = a;
            Add(w, ref a, AgentKind.LocalTable, t, 0, Clamp01(0.35 + 0.45 * s.ConcertationHistory + 0.05 * rng.NextGaussian()),
                Clamp01(0.3 + 0.6 * s.Resources));
            PerceivedNeeds(w, t, s.Expertise, w.ScratchD);
            SetPriority(w, w.TableOf[t], w.ScratchD, 0.35 * (1 - s.Expertise), ref rng);

            w.LocalAgentOf[t] = a;
            Add(w, ref a, AgentKind.LocalAgent, t, 0, 0.75, 0.6);
            PerceivedNeeds(w, t, 0.8, w.ScratchD);
            SetPriority(w, w.LocalAgentOf[t], w.ScratchD, 0.1, ref rng);

            w.OrgStart[t] = a;
            for (int o = 0; o < orgCounts[t]; o++)
            {
                int id = a;
                double b = rng.Beta(2, 2) * (0.4 + 0.5 * s.ConcertationHistory) + 0.1;
                Add(w, ref a, AgentKind.Organisation, t, 0, Clamp01(b), Clamp01(rng.Beta(2, 2) * (0.35 + 0.65 * s.Resources)));
                // Mission domain drawn in proportion to perceived needs plus a uniform share (report L4930-4942).
                PerceivedNeeds(w, t, s.Expertise, w.ScratchD);
                int mission = Categorical(w.ScratchD, 0.5, ref rng);
                w.Tag[id] = (byte)mission;
                for (int d = 0; d < D; d++) w.ScratchD[d] = 0.4 * w.ScratchD[d] + (d == mission ? 0.6 : 0.0);
                SetPriority(w, id, w.ScratchD, 0.2, ref rng);
                w.Partnership[id] = rng.Beta(2, 2.5);
                tableDraw[id] = rng.NextDouble();
            }
            w.OrgEnd[t] = a;

            w.ExpertStart[t] = a;
            for (int e = 0; e < pool; e++)
            {
                int id = a;
                Add(w, ref a, AgentKind.Expert, t, 0, 0.0, 0.3 + 0.4 * rng.NextDouble());
                // Readiness is heterogeneous; participation culture eases involvement (report L2576-2580, L3771-3786).
                w.Readiness[id] = Clamp01(rng.Beta(2, 3) + 0.3 * (s.ParticipationCulture - 0.5));
                // All involved experts had long prior volunteering (report L2816-2831).
                w.Level[id] = rng.NextDouble() < 0.5 ? Ladder.Volunteer : Ladder.Beneficiary;
                w.Active[id] = false;
                for (int d = 0; d < D; d++) w.ScratchD[d] = w.Need0[t * D + d];
                SetPriority(w, id, w.ScratchD, 0.1, ref rng); // they carry knowledge of the population's real needs
            }
            w.ExpertEnd[t] = a;
        }
        if (a != n) throw new InvalidOperationException("agent count mismatch");

        for (int t = 0; t < T; t++) w.Active[w.LocalAgentOf[t]] = levers.LocalMobilisationStaff;
        BuildBodies(w, tableDraw);
        BuildNetwork(w);
        Funding.Schedule(w);
        Allocate(w);
        return w;
    }

    private static void Allocate(World w)
    {
        int cap = MaxProjects;
        w.ProjTerritory = new int[cap]; w.ProjReach = new int[cap]; w.ProjDomain = new Domain[cap]; w.ProjSource = new ProjectSource[cap];
        w.ProjPromoter = new int[cap]; w.ProjPartners = new int[cap]; w.ProjBudget = new long[cap]; w.ProjRemaining = new long[cap];
        w.ProjStart = new int[cap]; w.ProjDuration = new int[cap]; w.ProjQuality = new double[cap]; w.ProjLeverage = new double[cap];
        w.ProjAligned = new bool[cap]; w.ProjObservedAligned = new bool[cap]; w.ProjDone = new bool[cap]; w.ProjSucceeded = new bool[cap];
        int pc = MaxProposals;
        w.PropTerritory = new int[pc]; w.PropReach = new int[pc]; w.PropPromoter = new int[pc]; w.PropPartners = new int[pc];
        w.PropDomain = new Domain[pc]; w.PropSource = new ProjectSource[pc]; w.PropBudget = new long[pc]; w.PropScore = new double[pc];
        w.PropRecommended = new bool[pc];
    }

    private static void Add(World w, ref int a, AgentKind kind, int territory, byte tag, double baseline, double capacity)
    {
        w.Kind[a] = kind; w.Territory[a] = territory; w.Tag[a] = tag;
        w.Baseline[a] = baseline; w.Engagement[a] = baseline; w.Capacity[a] = capacity;
        w.Active[a] = kind != AgentKind.Expert && kind != AgentKind.LocalAgent;
        w.Voice[a] = kind switch
        {
            AgentKind.Prefet => 1.0,        // formal deciders (report L1838-1840)
            AgentKind.SectoralPartner => 0.7,
            AgentKind.LocalTable => 0.8,    // recommendations carry great weight (report L1976-1982)
            AgentKind.Coordinator => 0.6,
            AgentKind.Respondent => 0.5,
            AgentKind.Expert => 0.3,
            _ => 0.5,
        };
        w.Efficacy[a] = 0.5;
        a++;
    }

    private static void SetPriority(World w, int agent, double[] basis, double noise, ref Xoshiro256 rng)
    {
        var row = w.PriorityOf(agent);
        double sum = 0;
        for (int d = 0; d < World.D; d++)
        {
            double v = Math.Max(1e-4, basis[d] * (1 - noise + 2 * noise * rng.NextDouble()));
            row[d] = v; sum += v;
        }
        for (int d = 0; d < World.D; d++) row[d] /= sum;
    }

    /// <summary>A territory's needs as seen by an actor with the given expertise: sharper with more expertise.</summary>
    internal static void PerceivedNeeds(World w, int t, double expertise, double[] into)
    {
        double sum = 0;
        for (int d = 0; d < World.D; d++)
        {
            double v = expertise * w.NeedNow[t * World.D + d] + (1 - expertise) * 0.5;
            into[d] = v; sum += v;
        }
        for (int d = 0; d < World.D; d++) into[d] /= sum;
    }

    private static void PrefetProfile(World w, int t, double[] into)
    {
        // Elected officials favour economic and administrative management (report L6684-6695) [A profile].
        PerceivedNeeds(w, t, 0.4, into);
        into[(int)Domain.Employment] += 0.25;
        into[(int)Domain.Transport] += 0.12;
        into[(int)Domain.AccessToServices] += 0.08;
        Normalize(into);
    }

    private static void SectorProfile(Sector s, double[] into)
    {
        Array.Fill(into, 0.05);
        switch (s)
        {
            case Sector.Health: into[(int)Domain.FoodSecurity] += 0.3; into[(int)Domain.AccessToServices] += 0.35; break;
            case Sector.Employment: into[(int)Domain.Employment] += 0.55; into[(int)Domain.EducationalSuccess] += 0.1; break;
            case Sector.Education: into[(int)Domain.EducationalSuccess] += 0.6; break;
            case Sector.Housing: into[(int)Domain.Housing] += 0.6; break;
            case Sector.Philanthropy: for (int d = 0; d < World.D; d++) into[d] += 0.08; into[(int)Domain.FoodSecurity] += 0.1; break;
            case Sector.CommunityDevelopment: into[(int)Domain.CitizenParticipation] += 0.3; into[(int)Domain.LivingTogether] += 0.3; break;
            case Sector.Business: into[(int)Domain.Employment] += 0.45; into[(int)Domain.Transport] += 0.15; break;
        }
        Normalize(into);
    }

    internal static void Normalize(Span<double> v)
    {
        double sum = 0;
        foreach (var x in v) sum += x;
        if (sum <= 0) { v.Fill(1.0 / v.Length); return; }
        for (int i = 0; i < v.Length; i++) v[i] /= sum;
    }

    private static int Categorical(double[] weights, double uniformShare, ref Xoshiro256 rng)
    {
        double u = rng.NextDouble();
        double acc = 0;
        for (int d = 0; d < weights.Length; d++)
        {
            acc += (1 - uniformShare) * weights[d] + uniformShare / weights.Length;
            if (u < acc) return d;
        }
        return weights.Length - 1;
    }

    // Bodies ----------------------------------------------------------------------------------------------
    private static void BuildBodies(World w, double[] tableDraw)
    {
        var L = w.Levers;
        int T = w.T;
        var members = new List<List<int>>();
        var kinds = new List<BodyKind>();
        var terr = new List<int>();
        var intervals = new List<int>();
        var seatBody = new List<int>();
        var seatTerr = new List<int>();

        // Table des préfets: the regional decision body in five of seven regions (report L1838-1840); always exists.
        var tdp = new List<int>();
        for (int t = 0; t < T; t++) tdp.Add(w.PrefetOf[t]);
        tdp.Add(w.Coordinator);
        if (L.RespondentSeniority != RespondentSeniority.Professional) tdp.Add(w.Respondent); // seats in two regions (report L5151-5161)
        w.PrefetsBody = kinds.Count; members.Add(tdp); kinds.Add(BodyKind.TableDesPrefets); terr.Add(-1); intervals.Add(2);

        if (L.RegionalTable)
        {
            var rt = new List<int> { w.Coordinator, w.Respondent };
            if (L.TableHasElected) for (int t = 0; t < T; t++) rt.Add(w.PrefetOf[t]);
            if (L.TableHasLocalConcertations) for (int t = 0; t < T; t++) rt.Add(w.TableOf[t]);
            if (L.TableHasSectoralPartners && L.PartnerRole != PartnerRole.NotSolicited)
            {
                // Administrative role: 4 to 6 partners solicited (Tableau 6); anchoring: all present.
                int count = L.PartnerRole == PartnerRole.Anchoring ? w.PartnerCount
                    : Math.Clamp(4 + (int)Math.Round(2 * w.Region.PartnerDensity), 4, 6);
                for (int s = 0; s < count; s++) rt.Add(w.PartnerStart + s);
            }
            w.RegionalTableBody = kinds.Count;
            members.Add(rt); kinds.Add(BodyKind.RegionalTable); terr.Add(-1); intervals.Add(2);
            if (L.TableHasExperts)
                for (int k = 0; k < Math.Max(1, L.ExpertsPerBody); k++) { seatBody.Add(w.RegionalTableBody); seatTerr.Add(-1); }
        }

        w.LocalBody = new int[T];
        for (int t = 0; t < T; t++)
        {
            var lt = new List<int> { w.TableOf[t] };
            if (L.LocalDecision != LocalDecisionPath.RegionalOnly) lt.Add(w.PrefetOf[t]);
            if (L.LocalMobilisationStaff) lt.Add(w.LocalAgentOf[t]);
            double breadth = w.Parameters[P.TableBreadth];
            for (int o = w.OrgStart[t]; o < w.OrgEnd[t]; o++) if (tableDraw[o] < breadth) lt.Add(o);
            w.LocalBody[t] = kinds.Count;
            members.Add(lt); kinds.Add(BodyKind.LocalTable); terr.Add(t); intervals.Add(1);
            if (L.ExpertsOnLocalTables)
                for (int k = 0; k < Math.Max(1, L.ExpertsPerBody); k++) { seatBody.Add(w.LocalBody[t]); seatTerr.Add(t); }
        }

        if (L.PeerCommittee)
        {
            w.PeerBody = kinds.Count;
            members.Add([w.Coordinator]); kinds.Add(BodyKind.PeerCommittee); terr.Add(-1); intervals.Add(1);
            for (int k = 0; k < Math.Clamp(L.PeerCommitteeSize, 4, 12); k++) { seatBody.Add(w.PeerBody); seatTerr.Add(k % T); }
        }

        w.B = kinds.Count;
        w.BodyKindOf = kinds.ToArray(); w.BodyTerritory = terr.ToArray(); w.BodyInterval = intervals.ToArray();
        w.BodyEngagement = new double[w.B];
        w.MemberStart = new int[w.B + 1];
        var flat = new List<int>();
        for (int b = 0; b < w.B; b++) { w.MemberStart[b] = flat.Count; flat.AddRange(members[b]); }
        w.MemberStart[w.B] = flat.Count;
        w.Members = flat.ToArray();

        // Inverse index: bodies of each agent.
        var byAgent = new List<int>[w.N];
        for (int b = 0; b < w.B; b++)
            for (int k = w.MemberStart[b]; k < w.MemberStart[b + 1]; k++) (byAgent[w.Members[k]] ??= []).Add(b);
        w.AgentBodyStart = new int[w.N + 1];
        var inv = new List<int>();
        for (int i = 0; i < w.N; i++) { w.AgentBodyStart[i] = inv.Count; if (byAgent[i] != null) inv.AddRange(byAgent[i]); }
        w.AgentBodyStart[w.N] = inv.Count;
        w.AgentBodies = inv.ToArray();

        w.SeatBody = seatBody.ToArray(); w.SeatTerritory = seatTerr.ToArray();
        int largest = 0;
        for (int b = 0; b < w.B; b++) largest = Math.Max(largest, w.MemberStart[b + 1] - w.MemberStart[b]);
        w.ScratchMeeting = new double[(largest + w.SeatBody.Length) * World.D];
        w.ScratchDistance = new double[(largest + w.SeatBody.Length) * (largest + w.SeatBody.Length)];
        w.SeatHolder = new int[w.SeatBody.Length];
        Array.Fill(w.SeatHolder, -1);
    }

    private static void BuildNetwork(World w)
    {
        // Potential ties: every pair of co-members of a body of this design. Initial strength from concertation
        // history (seed 001) and, for elected-partner pairs, past relations (report L6690-6691) [A weights].
        var index = new Dictionary<long, int>();
        var ea = new List<int>(); var eb = new List<int>(); var wt = new List<float>();
        var bodyEdges = new List<int>(); w.BodyEdgeStart = new int[w.B + 1];
        for (int b = 0; b < w.B; b++)
        {
            w.BodyEdgeStart[b] = bodyEdges.Count;
            int s = w.MemberStart[b], e = w.MemberStart[b + 1];
            for (int x = s; x < e; x++)
                for (int y = x + 1; y < e; y++)
                {
                    int i = Math.Min(w.Members[x], w.Members[y]), j = Math.Max(w.Members[x], w.Members[y]);
                    long key = ((long)i << 32) | (uint)j;
                    if (!index.TryGetValue(key, out int edge))
                    {
                        edge = ea.Count; index.Add(key, edge);
                        ea.Add(i); eb.Add(j); wt.Add((float)InitialTie(w, i, j));
                    }
                    bodyEdges.Add(edge);
                }
        }
        w.BodyEdgeStart[w.B] = bodyEdges.Count;
        w.BodyEdges = bodyEdges.ToArray();
        w.E = ea.Count; w.EdgeA = ea.ToArray(); w.EdgeB = eb.ToArray(); w.Weight = wt.ToArray();
    }

    private static double InitialTie(World w, int i, int j)
    {
        int ti = w.Territory[i], tj = w.Territory[j];
        if (ti >= 0 && ti == tj) return 0.15 + 0.45 * w.History[ti];
        double regional = 0.08 + 0.3 * w.Region.PriorRegionalConcertation;
        bool electedPartner = (w.Kind[i] == AgentKind.Prefet && w.Kind[j] != AgentKind.Prefet)
                              || (w.Kind[j] == AgentKind.Prefet && w.Kind[i] != AgentKind.Prefet);
        return electedPartner ? regional * (0.4 + 0.6 * w.Region.ElectedPartnerRelations) : regional;
    }

    internal static double Clamp01(double x) => Math.Clamp(x, 0.0, 1.0);
}
