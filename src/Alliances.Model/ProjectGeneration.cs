using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "project generation" (brief P4). Calls come every six months after work-plan approval, outside funding
/// gaps. Local projects come from a call for projects (many single-organisation projects tied to each promoter's
/// mission), from a concerted approach (the local table defines fewer, larger, multi-partner projects on its
/// priorities; report L4199-4205, L4935-4942, L5503-5511) or from a regional call (centralized pole [A]). Regional
/// projects, reaching several territories (report L1997, L6411-6413), are built on regional priorities from the
/// regional share, or co-funded by the territories concerned when no regional money is reserved (report L2002-2003).
/// </summary>
public static class ProjectGeneration
{
    public const int CallInterval = 6;

    public static bool IsCallMonth(World w) =>
        !w.FundingGap && w.Month > w.ApprovalMonth && (w.Month - w.ApprovalMonth - 1) % CallInterval == 0
        && w.Month <= w.Edition.TotalMonths - CallInterval;

    /// <summary>True for the last call of the run: it offers everything that is left.</summary>
    public static bool IsLastCall(World w) => w.Month + CallInterval > w.Edition.TotalMonths - CallInterval;

    public static void Generate(World w, ref Xoshiro256 rng)
    {
        w.ProposalCount = 0;
        if (!IsCallMonth(w)) return;
        double fraction = IsLastCall(w) ? 1.0 : w.Parameters[P.CallSpendFraction];
        for (int t = 0; t < w.T; t++)
        {
            long offered = (long)(w.LocalEnvelope[t] * fraction);
            if (offered <= 0) continue;
            switch (w.Levers.GenerationMode)
            {
                case GenerationMode.Concerted: Concerted(w, t, offered, ref rng); break;
                default: Call(w, t, ref rng); break;
            }
        }
        Regional(w, fraction, ref rng);
    }

    private static void Call(World w, int t, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        double size = p[P.SmallProjectSize];
        for (int o = w.OrgStart[t]; o < w.OrgEnd[t]; o++)
        {
            if (!w.Active[o]) continue;
            // Credible proposals need organisational capacity: weak territories absorb less (report L5619-5621) [A form].
            double apply = p[P.ApplyRate] * w.Engagement[o] * 2.0 * w.Capacity[o] * (0.3 + w.TerritoryCapacity[t]);
            if (w.Levers.GenerationMode == GenerationMode.RegionalCall) apply *= 0.5 + w.Capacity[o]; // regional calls favour capable promoters [A]
            if (rng.NextDouble() >= apply) continue;
            int partners = rng.NextDouble() < w.Partnership[o] ? 1 + (rng.NextDouble() < w.Partnership[o] ? 1 : 0) : 0;
            double amount = size * Math.Exp(0.3 * rng.NextGaussian()) * (0.7 + 0.6 * w.Capacity[o]);
            var source = w.Levers.GenerationMode == GenerationMode.RegionalCall ? ProjectSource.RegionalCall : ProjectSource.Call;
            AddProposal(w, t, 1 << t, (Domain)w.Tag[o], o, partners, World.Cents(amount), source);
        }
    }

    private static void Concerted(World w, int t, long offered, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        int mask = w.LocalPriorityMask[t];
        int priorities = System.Numerics.BitOperations.PopCount((uint)mask);
        if (priorities == 0) return;
        int body = w.LocalBody[t];
        for (int d = 0; d < World.D; d++)
        {
            if ((mask & (1 << d)) == 0) continue;
            // The lead promoter: the most capable engaged organisation, preferring the domain's own mission.
            int lead = -1; double best = -1;
            for (int o = w.OrgStart[t]; o < w.OrgEnd[t]; o++)
            {
                if (!w.Active[o]) continue;
                double s = w.Capacity[o] * w.Engagement[o] * (w.Tag[o] == d ? 1.5 : 1.0) * (0.8 + 0.4 * rng.NextDouble());
                if (s > best) { best = s; lead = o; }
            }
            if (lead < 0) continue;
            int partners = 0;
            for (int k = w.MemberStart[body]; k < w.MemberStart[body + 1]; k++)
            {
                int i = w.Members[k];
                if (i != lead && w.Kind[i] == AgentKind.Organisation && w.Active[i] && w.Engagement[i] > 0.45) partners++;
            }
            partners = Math.Min(partners, 5);
            double target = p[P.SmallProjectSize] * p[P.ConcertedSizeMultiplier] * (1 + partners / 5.0);
            long amount = Math.Min(offered / priorities, World.Cents(target));
            if (amount <= World.Cents(5_000)) continue;
            AddProposal(w, t, 1 << t, (Domain)d, lead, partners, amount, ProjectSource.Concerted);
        }
    }

    private static void Regional(World w, double fraction, ref Xoshiro256 rng)
    {
        var L = w.Levers;
        var p = w.Parameters;
        int mask = w.RegionalPriorityMask;
        if (mask == 0) return;
        bool coFund = L.RegionalShare <= 0 && L.RegionalCoFunding;
        long available = (long)(w.RegionalEnvelope * fraction);
        if (!coFund && available <= World.Cents(10_000)) return;

        // How many regional projects this call: one per uncovered regional priority under fiches and chantiers;
        // one per call when priorities are only matched; one a year without any device (report L1900-1908).
        int uncovered = 0;
        for (int d = 0; d < World.D; d++) if ((mask & (1 << d)) != 0 && !HasActiveRegional(w, d)) uncovered++;
        int budgetCount = L.StrategicDevice switch
        {
            StrategicDevice.Chantiers or StrategicDevice.Fiches => uncovered,
            StrategicDevice.PriorityMatching => Math.Min(1, uncovered),
            _ => w.Month % 12 < CallInterval ? Math.Min(1, uncovered) : 0,
        };
        if (budgetCount == 0) return;
        int reach = Math.Max(2, (int)Math.Round(p[P.RegionalReach] * w.T));
        int made = 0;
        for (int d = 0; d < World.D && made < budgetCount; d++)
        {
            if ((mask & (1 << d)) == 0 || HasActiveRegional(w, d)) continue;
            int reachMask = NeediestTerritories(w, d, reach);
            int partners = 0;
            if (L.PartnerRole != PartnerRole.NotSolicited)
                for (int s = 0; s < w.PartnerCount; s++)
                    if (w.Engagement[w.PartnerStart + s] > (L.PartnerRole == PartnerRole.Anchoring ? 0.35 : 0.55)) partners++;
            long amount;
            if (coFund)
            {
                // Territories concerned co-fund: each gives a slice of its envelope if its préfet agrees.
                double agree = 0; int n = 0;
                for (int t = 0; t < w.T; t++) if ((reachMask & (1 << t)) != 0) { agree += w.Engagement[w.PrefetOf[t]]; n++; }
                if (rng.NextDouble() >= 0.6 * agree / n) continue;
                amount = 0;
                for (int t = 0; t < w.T; t++) if ((reachMask & (1 << t)) != 0) amount += w.LocalEnvelope[t] / 8;
            }
            else amount = Math.Min(available / budgetCount, World.Cents(p[P.RegionalProjectSize]));
            if (amount < World.Cents(0.5 * p[P.RegionalProjectSize])) continue; // too little for a regional project
            int promoter = RegionalPromoter(w, reachMask, d);
            if (promoter < 0) continue;
            AddProposal(w, -1, reachMask, (Domain)d, promoter, partners + 1, amount, ProjectSource.Regional);
            made++;
        }
    }

    private static bool HasActiveRegional(World w, int d)
    {
        for (int q = 0; q < w.ProjectCount; q++)
            if (!w.ProjDone[q] && w.ProjSource[q] == ProjectSource.Regional && (int)w.ProjDomain[q] == d) return true;
        for (int q = 0; q < w.ProposalCount; q++)
            if (w.PropSource[q] == ProjectSource.Regional && (int)w.PropDomain[q] == d) return true;
        return false;
    }

    private static int NeediestTerritories(World w, int d, int k)
    {
        int mask = 0;
        for (int r = 0; r < Math.Min(k, w.T); r++)
        {
            int best = -1;
            for (int t = 0; t < w.T; t++)
            {
                if ((mask & (1 << t)) != 0) continue;
                double unmet = w.NeedNow[t * World.D + d] - w.Gain[t * World.D + d];
                if (best < 0 || unmet > w.NeedNow[best * World.D + d] - w.Gain[best * World.D + d]) best = t;
            }
            mask |= 1 << best;
        }
        return mask;
    }

    private static int RegionalPromoter(World w, int reachMask, int d)
    {
        int lead = -1; double best = -1;
        for (int t = 0; t < w.T; t++)
        {
            if ((reachMask & (1 << t)) == 0) continue;
            for (int o = w.OrgStart[t]; o < w.OrgEnd[t]; o++)
            {
                if (!w.Active[o]) continue;
                double s = w.Capacity[o] * w.Engagement[o] * (w.Tag[o] == d ? 1.5 : 1.0);
                if (s > best) { best = s; lead = o; }
            }
        }
        return lead;
    }

    private static void AddProposal(World w, int t, int reach, Domain d, int promoter, int partners, long budget, ProjectSource source)
    {
        if (w.ProposalCount >= w.PropBudget.Length || budget <= 0) return;
        int q = w.ProposalCount++;
        w.PropTerritory[q] = t; w.PropReach[q] = reach; w.PropDomain[q] = d; w.PropPromoter[q] = promoter;
        w.PropPartners[q] = partners; w.PropBudget[q] = budget; w.PropSource[q] = source;
        w.PropScore[q] = 0; w.PropRecommended[q] = false;
    }
}
