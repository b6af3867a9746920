using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "mobilisation" (brief P1, A2-A9, M05-M18, M70). Each actor's engagement moves toward an attractor:
///   A = clamp(b + w_peer (peer − ½) + w_eff (efficacy − ½) + w_sup support − w_bur overload − w_con conflict + role) × g
///   e ← e + ρ (A − e)
/// where b is the personal propensity, peer the mean engagement on the agent's bodies, efficacy a memory of own
/// priorities funded and recommendations followed, support the animation and accompaniment reaching the agent,
/// overload the meeting burden beyond capacity, conflict the elected-partner tension and autonomy fears, role the
/// design-specific position (formal seat, exchange space, solicitation), and g the funding-gap factor: without
/// funding and animation the attractor falls (report L363-366), less for local actors (report L5614-5618) and less
/// with bridging money. Organisations below an engagement threshold may leave; they may come back with support.
/// Functional forms and weights: brief X2 [A].
/// </summary>
public static class Mobilization
{
    public static void Update(World w, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        var L = w.Levers;
        ComputeBodyEngagement(w);
        ComputeSupport(w);
        double rate = p[P.EngagementRate];
        double gap = w.FundingGap ? p[P.GapPenalty] * (w.Bridged ? 1 - p[P.BridgingEffect] : 1.0) : 0.0;
        double seniority = (int)L.RespondentSeniority / 2.0;
        double ministry = L.MinistryAccompaniment switch
        {
            MinistryAccompaniment.Targeted => 2.0 * (1 - w.Region.LpesExperience),
            MinistryAccompaniment.Uniform => 0.5,
            _ => 0.0,
        };
        for (int i = 0; i < w.N; i++)
        {
            var kind = w.Kind[i];
            if (kind == AgentKind.Expert) continue; // see ExpertParticipation
            if (kind == AgentKind.LocalAgent && !L.LocalMobilisationStaff) continue;
            if (kind is AgentKind.Ministry) continue;
            int t = w.Territory[i];
            bool local = t >= 0;
            if (!w.Active[i])
            {
                if (kind == AgentKind.Organisation && rng.NextDouble() < p[P.ReentryRate] * (w.Support[t] + PeerOf(w, i)))
                {
                    w.Active[i] = true;
                    w.Engagement[i] = p[P.ExitThreshold] + 0.1;
                }
                continue;
            }
            double peer = PeerOf(w, i);
            double support = local ? w.Support[t] : w.RegionalSupport;
            w.Burden[i] *= 0.6;
            double overload = Math.Max(0, w.Burden[i] - 0.5 * w.Capacity[i] - 0.1);
            double conflict = 0, role = 0;
            switch (kind)
            {
                case AgentKind.Prefet:
                    // Autonomy fears, resistance to directives, scars of conflict (M11-M13; report L6287-6296, L7520-7521).
                    conflict = p[P.DirectiveResistance] * L.DirectiveStrength * (0.5 + w.Concern[i])
                               + (L.LocalDecision == LocalDecisionPath.RegionalOnly ? 0.25 * w.Concern[i] : 0);
                    // Sharing power with sectoral partners on a regional table: reluctance grows with autonomy concern
                    // and past conflicts (M11, M12, M13; report L6287-6296, L6690-6691).
                    if (w.RegionalTableBody >= 0 && L.TableHasElected && L.TableHasSectoralPartners && L.PartnerRole != PartnerRole.NotSolicited)
                        conflict += 0.35 * (1 - w.Region.ElectedPartnerRelations) + 0.35 * w.Concern[i]
                                    + (L.DecisionBody == DecisionBody.RegionalTable ? 0.2 : 0);
                    // Exchange spaces as collaborators (M15), senior respondent (M05), targeted accompaniment (M07).
                    role = (w.RegionalTableBody >= 0 && L.TableHasElected ? 0.06 : 0)
                           + p[P.SeniorityInfluence] * seniority
                           + p[P.AccompanimentEffect] * ministry;
                    support = 0.5 * w.RegionalSupport + 0.5 * (local ? w.Support[t] : 0);
                    break;
                case AgentKind.SectoralPartner:
                    role = L.PartnerRole switch { PartnerRole.Anchoring => 0.12, PartnerRole.Administrative => 0.0, _ => -0.2 };
                    if (w.RegionalTableBody < 0 || !L.TableHasSectoralPartners) role -= 0.1; // silo work (M01)
                    conflict = w.RegionalTableBody >= 0 && L.TableHasElected ? 0.3 * (1 - w.Region.ElectedPartnerRelations) : 0;
                    break;
                case AgentKind.LocalTable:
                    // Respect for local choices gives a sense of control (M31); centralised choices remove it.
                    role = L.LocalDecision switch { LocalDecisionPath.RegionalOnly => -0.15, LocalDecisionPath.MrcCoSignatory => 0.08, _ => 0.03 };
                    // Structured regional devices steer local priorities: less sense of local control (M31, M33) [A].
                    role -= L.StrategicDevice switch { StrategicDevice.Chantiers => 0.06, StrategicDevice.Fiches => 0.04, _ => 0.0 };
                    break;
                case AgentKind.Organisation:
                    role = L.GenerationMode == GenerationMode.Concerted ? 0.03 : 0;
                    break;
                case AgentKind.Coordinator:
                    role = L.Coordination == CoordinationMode.FundedAnimation ? 0.1 : -0.05;
                    break;
            }
            double holding = kind is AgentKind.LocalTable or AgentKind.Organisation or AgentKind.LocalAgent
                ? (1 - p[P.LocalHolding] * (0.5 + 0.5 * (t >= 0 ? w.History[t] : 0)))
                : 1.0;
            double g = 1 - gap * holding;
            double attractor = Math.Clamp(w.Baseline[i]
                                          + p[P.PeerWeight] * (peer - 0.5)
                                          + p[P.EfficacyWeight] * (w.Efficacy[i] - 0.5)
                                          + p[P.SupportWeight] * support
                                          - p[P.BurdenWeight] * overload
                                          - p[P.ConflictWeight] * conflict
                                          + role, 0, 1) * g;
            w.Engagement[i] += rate * (attractor - w.Engagement[i]);
            w.Efficacy[i] += 0.03 * (0.5 - w.Efficacy[i]);
            if (kind == AgentKind.Organisation && w.Engagement[i] < p[P.ExitThreshold] && rng.NextDouble() < p[P.ExitRate])
                w.Active[i] = false;
        }
    }

    private static double PeerOf(World w, int i)
    {
        int s = w.AgentBodyStart[i], e = w.AgentBodyStart[i + 1];
        if (e > s)
        {
            double sum = 0;
            for (int k = s; k < e; k++) sum += w.BodyEngagement[w.AgentBodies[k]];
            return sum / (e - s);
        }
        int t = w.Territory[i];
        return t >= 0 ? 0.5 * w.BodyEngagement[w.LocalBody[t]] + 0.2 : 0.4;
    }

    private static void ComputeBodyEngagement(World w)
    {
        for (int b = 0; b < w.B; b++)
        {
            double sum = 0; int n = 0;
            for (int k = w.MemberStart[b]; k < w.MemberStart[b + 1]; k++)
            {
                int i = w.Members[k];
                sum += w.Active[i] ? w.Engagement[i] : 0; n++;
            }
            w.BodyEngagement[b] = n > 0 ? sum / n : 0;
        }
    }

    /// <summary>
    /// Animation and accompaniment reaching each territory and the regional actors this month. A funded animator
    /// spreads its time over territories, reserving a share for those with the least capacity (L14; report L321-330);
    /// an administrative contractor gives little animation (report L5706-5708); local mobilisation staff add support
    /// (report L5541-5547). Regional actors get the coordinator, the respondent by seniority (M05, M06) and the ministry.
    /// </summary>
    public static void ComputeSupport(World w)
    {
        var L = w.Levers;
        var p = w.Parameters;
        bool coordinator = w.Active[w.Coordinator];
        double animation = !coordinator ? 0 : L.Coordination == CoordinationMode.FundedAnimation ? p[P.AnimationSupport] : 0.1;
        // FQIS management (L10; report L1984-1993): calls, agreements and follow-up load whoever manages them. Regional
        // management takes the animator's time; two-tier management needs local administrative resources
        // (report L7730-7761) and crowds out local animation where they are scarce (M36) [magnitudes A].
        double regionalAdmin = L.ManagementMode switch { ManagementMode.Centralised => 0.2, ManagementMode.Shared => 0.1, _ => 0.05 };
        double localAdmin = L.ManagementMode switch { ManagementMode.TwoTier => 0.3, ManagementMode.Shared => 0.1, _ => 0.0 };
        animation *= 1 - regionalAdmin;
        if (w.Pandemic) animation *= 0.7;
        double median = Median(w.TerritoryCapacity, w.ScratchT2, w.T);
        int weak = 0;
        for (int t = 0; t < w.T; t++) if (w.TerritoryCapacity[t] < median) weak++;
        double reserve = weak > 0 ? Math.Clamp(L.WeakTerritorySupport, 0, 1) : 0;
        for (int t = 0; t < w.T; t++)
        {
            double share = (1 - reserve) + (w.TerritoryCapacity[t] < median ? reserve * w.T / weak : 0);
            double load = localAdmin * (1 - w.Resources[t]);
            double s = (animation * share + (L.LocalMobilisationStaff ? 0.4 : 0)) * (1 - load);
            w.Support[t] = Math.Clamp(s, 0, 1);
            w.Burden[w.TableOf[t]] += load;
        }
        double respondent = L.RespondentSeniority switch
        {
            RespondentSeniority.ProvincialLead => 0.3,
            RespondentSeniority.Director => 0.2,
            _ => 0.08, // an efficient administrative relay (M06; report L5162-5166)
        };
        double ministry = L.MinistryAccompaniment switch
        {
            MinistryAccompaniment.Targeted => 0.3 * (1 - w.Region.LpesExperience),
            MinistryAccompaniment.Uniform => 0.08,
            _ => 0,
        };
        w.RegionalSupport = Math.Clamp(0.6 * animation + respondent + ministry, 0, 1);
    }

    private static double Median(double[] values, double[] scratch, int n)
    {
        Array.Copy(values, scratch, n);
        Array.Sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }
}
