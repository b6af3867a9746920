using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "exogenous events" (brief P10). Sets the month's pandemic and funding-gap flags. During the pandemic basic
/// needs rise (report L4226-4234, "possibly") and fall back after it; meetings go virtual (see Concertation). At a
/// municipal general election (X1 [A], off by default) a share of préfets is replaced: the newcomer's propensity is
/// the predecessor's plus a normal perturbation (sd 0.2), engagement moves halfway to it, and their ties weaken to 30 %
/// (seed 001).
/// </summary>
public static class ShockEvents
{
    public static void Apply(World w, ref Xoshiro256 electionRng)
    {
        var s = w.Shocks;
        int m = w.Month;
        w.Pandemic = s.Pandemic && m >= s.PandemicStart && m < s.PandemicStart + s.PandemicMonths;
        bool gap = s.FundingGap && m >= s.GapStart && m < s.GapStart + s.GapMonths;
        if (!gap) w.Bridged = false;
        w.FundingGap = gap;

        double shift = w.Parameters[P.PandemicNeedShift];
        const int D = World.D;
        int food = (int)Domain.FoodSecurity;
        for (int t = 0; t < w.T; t++)
        {
            int k = t * D + food;
            double target = w.Pandemic ? Math.Min(1.0, w.Need0[k] * (1 + shift)) : w.Need0[k];
            w.NeedNow[k] += 0.3 * (target - w.NeedNow[k]);
        }

        if (!s.Elections) return;
        bool electionMonth = false;
        var months = s.ElectionMonths;
        for (int k = 0; k < months.Count; k++) if (months[k] == m) electionMonth = true; // indexed: no enumerator box
        if (!electionMonth) return;
        double turnover = w.Parameters[P.ElectionTurnover];
        for (int t = 0; t < w.T; t++)
        {
            int pr = w.PrefetOf[t];
            if (electionRng.NextDouble() >= turnover) continue;
            double fresh = Math.Clamp(w.Baseline[pr] + 0.2 * electionRng.NextGaussian(), 0, 1);
            w.Baseline[pr] = fresh;
            w.Engagement[pr] = 0.5 * (w.Engagement[pr] + fresh);
            for (int e = 0; e < w.E; e++)
                if (w.EdgeA[e] == pr || w.EdgeB[e] == pr) w.Weight[e] *= 0.3f;
        }
    }
}
