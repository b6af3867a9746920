using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "selection" (brief P5). Eligibility: a project must target a regional priority, with a design-set tolerance
/// for local-only priorities (L13; report L4100-4103). Local bodies recommend within their envelope; the body the design
/// names (MRC council where MRCs co-sign, otherwise the regional decision body) ratifies local recommendations with a
/// high probability (report L1979-1982; X6). Where experts de vécu analyse projects, they recommend by the real need
/// of the domain to the extent of the unconfirmed effect M68 [U]; a deciding body that disagrees overrides them with a probability that is higher where municipal
/// managers decide (report L2662-2682, L3610-3618) and lower under a guaranteed-share rule (L28 [A]).
/// Funded projects commit money from the envelope they draw on.
/// </summary>
public static class Selection
{
    public static void Decide(World w, ref Xoshiro256 rng, ref Xoshiro256 reporting)
    {
        int n = w.ProposalCount;
        if (n == 0) return;
        var L = w.Levers;
        var p = w.Parameters;
        double fraction = ProjectGeneration.IsLastCall(w) ? 1.0 : p[P.CallSpendFraction];

        // 1. Eligibility and scores.
        for (int q = 0; q < n; q++)
        {
            int d = (int)w.PropDomain[q];
            bool aligned = (w.RegionalPriorityMask & (1 << d)) != 0;
            bool eligible = aligned || w.PropSource[q] == ProjectSource.Regional || rng.NextDouble() < L.LocalOnlyTolerance;
            if (!eligible) { w.PropScore[q] = double.NegativeInfinity; continue; }
            int t = w.PropTerritory[q];
            double cap = w.Capacity[w.PropPromoter[q]];
            w.PropScore[q] = w.PropSource[q] switch
            {
                ProjectSource.Regional => 10.0,
                ProjectSource.RegionalCall => 4.0 * w.RegionalPriorityVector[d] + (aligned ? 0.5 : 0) + 0.8 * cap + 0.2 * rng.NextDouble(),
                _ => ((w.LocalPriorityMask[t] & (1 << d)) != 0 ? 1.0 : 0.3) + (aligned ? 0.3 : 0) + (Synergy(w, t, d) ? 0.4 : 0)
                     + 0.5 * cap + 0.2 * rng.NextDouble(),
            };
        }

        // 2. Order by territory then score (insertion sort of indices; regional proposals first).
        var order = w.ScratchIdx;
        for (int q = 0; q < n; q++)
        {
            int k = q;
            while (k > 0 && Before(w, q, order[k - 1])) { order[k] = order[k - 1]; k--; }
            order[k] = q;
        }

        // 3. Recommendation within each territory's offer, expert analysis, decision, funding.
        var offered = w.ScratchT;
        for (int t = 0; t < w.T; t++) offered[t] = w.LocalEnvelope[t] * fraction;
        for (int k = 0; k < n; k++)
        {
            int q = order[k];
            if (double.IsNegativeInfinity(w.PropScore[q])) { Reject(w, q); continue; }
            int t = w.PropTerritory[q];
            bool regional = w.PropSource[q] == ProjectSource.Regional;
            bool fits = regional ? CanFundRegional(w, q) : w.PropBudget[q] <= offered[t] && w.PropBudget[q] <= w.LocalEnvelope[t];
            bool localPath = !regional && L.LocalDecision != LocalDecisionPath.RegionalOnly && w.PropSource[q] != ProjectSource.RegionalCall;
            bool decision = fits; // the recommending or deciding body's own choice

            decision = ExpertReview(w, q, decision, fits, ref rng);
            if (decision && localPath)
            {
                w.Recommended++;
                if (rng.NextDouble() < p[P.Ratification]) w.Ratified++;
                else { w.Efficacy[w.TableOf[t]] -= 0.2 * w.Efficacy[w.TableOf[t]]; decision = false; }
            }
            if (decision && fits)
            {
                Fund(w, q, ref reporting);
                if (!regional) offered[t] -= w.PropBudget[q];
            }
            else Reject(w, q);
        }
        w.ProposalCount = 0;
    }

    /// <summary>Synergy with regional action (M21, M22): a regional project in the same domain already reaches the territory.</summary>
    private static bool Synergy(World w, int t, int d)
    {
        for (int q = 0; q < w.ProjectCount; q++)
            if (!w.ProjDone[q] && w.ProjSource[q] == ProjectSource.Regional && (int)w.ProjDomain[q] == d && (w.ProjReach[q] & (1 << t)) != 0)
                return true;
        return false;
    }

    private static bool Before(World w, int a, int b)
    {
        int ta = w.PropTerritory[a], tb = w.PropTerritory[b];
        if (ta != tb) return ta < tb;
        if (w.PropScore[a] != w.PropScore[b]) return w.PropScore[a] > w.PropScore[b];
        return a < b;
    }

    /// <summary>Experts' review where they analyse projects (peer committee, or seats on the body). Returns the final choice.</summary>
    private static bool ExpertReview(World w, int q, bool bodyChoice, bool fits, ref Xoshiro256 rng)
    {
        var L = w.Levers;
        bool regional = w.PropSource[q] == ProjectSource.Regional;
        int t = w.PropTerritory[q];
        int analysts = 0;
        for (int s = 0; s < w.SeatBody.Length; s++)
        {
            int h = w.SeatHolder[s];
            if (h < 0 || !w.Active[h]) continue;
            int b = w.SeatBody[s];
            bool analyses = b == w.PeerBody
                            || (regional && b == w.RegionalTableBody)
                            || (!regional && t >= 0 && b == w.LocalBody[t]);
            if (analyses) w.ScratchIdx[w.ScratchIdx.Length - 1 - analysts++] = h;
        }
        if (analysts == 0 || !fits) return bodyChoice;

        // Experts recommend funding when the domain's real need is at least the territory's average need.
        int d = (int)w.PropDomain[q];
        double need = 0, mean = 0; int count = 0;
        for (int tt = 0; tt < w.T; tt++)
        {
            if ((w.PropReach[q] & (1 << tt)) == 0) continue;
            need += w.NeedNow[tt * World.D + d];
            for (int dd = 0; dd < World.D; dd++) mean += w.NeedNow[tt * World.D + dd] / World.D;
            count++;
        }
        // M68 [U]: how much experts' recommendations carry real-needs information is the unconfirmed effect. With
        // probability `informed` they recommend by the real need of the domain; otherwise their recommendation carries no
        // information about needs (a fair coin), so at zero the participation dynamics remain but relevance gains vanish.
        double informed = Math.Clamp(w.Parameters[P.ExpertInfluence] / P.ExpertInfluence.High, 0, 1);
        bool expertChoice = rng.NextDouble() < informed ? need >= mean : rng.NextDouble() < 0.5;
        w.ExpertRecommendations++;
        bool overridden = false;
        bool finalChoice = expertChoice;
        if (expertChoice != bodyChoice)
        {
            bool municipal = (!regional && L.LocalDecision == LocalDecisionPath.MrcCoSignatory) || L.DecisionBody == DecisionBody.TableDesPrefets;
            double pOverride = w.Parameters[P.OverrideBase] * (municipal ? w.Parameters[P.MunicipalOverrideFactor] : 1.0)
                               * (L.ExpertDecisionRule == ExpertDecisionRule.GuaranteedShare ? 0.35 : 1.0);
            if (rng.NextDouble() < Math.Min(1.0, pOverride)) { overridden = true; finalChoice = bodyChoice; }
        }
        if (overridden) w.ExpertOverrides++;
        for (int k = 0; k < analysts; k++)
        {
            int h = w.ScratchIdx[w.ScratchIdx.Length - 1 - k];
            w.RecsThisMonth[h] += 1;
            if (overridden) w.OverridesThisMonth[h] += 1;
        }
        return finalChoice;
    }

    /// <summary>Moves a priority vector a share s of the way toward the single domain d (stays on the simplex).</summary>
    private static void PullToward(Span<double> priority, int d, double s)
    {
        for (int k = 0; k < priority.Length; k++) priority[k] = (1 - s) * priority[k] + (k == d ? s : 0);
    }

    private static bool CanFundRegional(World w, int q)
    {
        if (w.Levers.RegionalShare > 0) return w.PropBudget[q] <= w.RegionalEnvelope;
        long sum = 0;
        for (int t = 0; t < w.T; t++) if ((w.PropReach[q] & (1 << t)) != 0) sum += w.LocalEnvelope[t];
        return w.PropBudget[q] <= sum;
    }

    private static void Reject(World w, int q)
    {
        int promoter = w.PropPromoter[q];
        w.Efficacy[promoter] -= 0.12 * w.Efficacy[promoter];
    }

    private static void Fund(World w, int q, ref Xoshiro256 reporting)
    {
        if (w.ProjectCount >= w.ProjBudget.Length) return;
        var L = w.Levers;
        var p = w.Parameters;
        int id = w.ProjectCount++;
        int t = w.PropTerritory[q];
        long budget = w.PropBudget[q];
        bool regional = w.PropSource[q] == ProjectSource.Regional;
        if (!regional) w.LocalEnvelope[t] -= budget;
        else if (L.RegionalShare > 0) w.RegionalEnvelope -= budget;
        else
        {
            // Co-funding from the territories reached, in proportion to their envelopes, to the cent.
            long sum = 0;
            for (int tt = 0; tt < w.T; tt++) if ((w.PropReach[q] & (1 << tt)) != 0) sum += w.LocalEnvelope[tt];
            long left = budget;
            for (int tt = 0; tt < w.T; tt++)
            {
                if ((w.PropReach[q] & (1 << tt)) == 0) continue;
                long part = (long)((double)budget * w.LocalEnvelope[tt] / sum);
                part = Math.Min(part, w.LocalEnvelope[tt]);
                w.LocalEnvelope[tt] -= part; left -= part;
            }
            for (int tt = 0; left > 0 && tt < w.T; tt++)
            {
                if ((w.PropReach[q] & (1 << tt)) == 0) continue;
                long part = Math.Min(left, w.LocalEnvelope[tt]);
                w.LocalEnvelope[tt] -= part; left -= part;
            }
            if (left > 0) budget -= left; // only if envelopes shrank since CanFundRegional; the project is smaller
        }

        int promoter = w.PropPromoter[q];
        double support = regional ? w.RegionalSupport : w.Support[t];
        double territoryCapacity = regional ? w.RegionalCapacity : w.TerritoryCapacity[t];
        double collaboration = w.PropSource[q] is ProjectSource.Concerted or ProjectSource.Regional ? 0.8 : w.Partnership[promoter];
        double quality = p[P.QualityBase]
                         + p[P.QualityCapacity] * (0.5 * w.Capacity[promoter] + 0.5 * territoryCapacity)
                         + p[P.QualityPartners] * Math.Min(w.PropPartners[q], 3) / 3.0 * collaboration
                         + p[P.QualityAccompaniment] * support;
        int duration = Math.Max(1, Math.Min(L.ProjectDurationMonths, w.Edition.TotalMonths - w.Month));
        int d = (int)w.PropDomain[q];
        bool aligned = regional || (w.RegionalPriorityMask & (1 << d)) != 0;
        double noise = p[P.LabellingNoise] * (L.EvaluationSupport ? 0.3 : 1.0);

        w.ProjTerritory[id] = t; w.ProjReach[id] = w.PropReach[q]; w.ProjDomain[id] = w.PropDomain[q];
        w.ProjSource[id] = w.PropSource[q]; w.ProjPromoter[id] = promoter; w.ProjPartners[id] = w.PropPartners[q];
        w.ProjBudget[id] = budget; w.ProjRemaining[id] = budget; w.ProjStart[id] = w.Month; w.ProjDuration[id] = duration;
        w.ProjQuality[id] = Math.Clamp(quality, 0.05, 0.95);
        // Partners' money combined with FQIS money (report L6551-6554, L7823-7831): more with partners on board,
        // with regional partner density, and when pooling is allowed or encouraged (M24) [A form].
        double pooling = L.Pooling switch { Pooling.Encouraged => 1.5, Pooling.Allowed => 1.25, _ => 1.0 };
        double leverage = p[P.PartnerLeverage] * (0.5 + 0.5 * Math.Min(w.PropPartners[q], 3) / 3.0) * (0.5 + w.Region.PartnerDensity) * pooling;
        w.ProjLeverage[id] = leverage;
        w.PartnerLeverage += (long)(budget * leverage);
        w.ProjAligned[id] = aligned;
        w.ProjObservedAligned[id] = reporting.NextDouble() < noise ? !aligned : aligned; // labelling error (report L4023-4031)
        w.ProjDone[id] = false; w.ProjSucceeded[id] = false;
        if (regional) w.RegionalProjects++;

        double reachedPopulation = 0;
        for (int tt = 0; tt < w.T; tt++) if ((w.PropReach[q] & (1 << tt)) != 0) reachedPopulation += w.Population[tt];
        for (int tt = 0; tt < w.T; tt++)
        {
            if ((w.PropReach[q] & (1 << tt)) == 0) continue;
            w.ProjectsInTerritory[tt]++;
            w.FundsToTerritory[tt] += (long)(budget * (w.Population[tt] / reachedPopulation));
            w.Efficacy[w.PrefetOf[tt]] += 0.05 * (1 - w.Efficacy[w.PrefetOf[tt]]);
            if (regional) PullToward(w.PriorityOf(w.TableOf[tt]), d, p[P.SynergyPull] * (L.StrategicDevice >= StrategicDevice.Fiches ? 1.0 : 0.5));
            w.Efficacy[w.TableOf[tt]] += 0.08 * (1 - w.Efficacy[w.TableOf[tt]]);
        }
        w.Efficacy[promoter] += 0.3 * (1 - w.Efficacy[promoter]);
        if (regional)
            for (int s = 0; s < w.PartnerCount; s++)
                w.Efficacy[w.PartnerStart + s] += 0.1 * (1 - w.Efficacy[w.PartnerStart + s]);
    }
}
