using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "experts de vécu" (brief P9, A10, M51-M67). Seats exist where the design puts experts (local tables,
/// the regional table, a peer committee). A vacant seat is filled from the territory's pool of people with prior
/// volunteering (report L2816-2831) with a probability raised by readiness, allowances and accompaniment and lowered
/// by stigma in low-density territories (report L2597-2603) and by past bad experiences (trust hysteresis, M56).
/// Seated experts feel comfort from peers on the same body (M52), accompaniment (M51), allowances (M53), and less
/// from jargon at regional level without accompaniment (M57); being followed raises their voice, overrides build
/// frustration (halved when the body explains its choices, L28) and exits rise with it (M54; report L3610-3618).
/// Comfortable experts climb the ladder (report L3800-3822).
/// </summary>
public static class ExpertParticipation
{
    public static void Update(World w, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        var L = w.Levers;
        double accompaniment = L.ExpertAccompaniment switch { ExpertAccompaniment.DedicatedAgent => 1.0, ExpertAccompaniment.Light => 0.5, _ => 0.0 };
        double allowance = L.Allowance switch { Allowance.StandardAllowance => 1.0, Allowance.Stipend => 0.7, Allowance.CostCoverage => 0.3, _ => 0.0 };
        for (int s = 0; s < w.SeatBody.Length; s++)
        {
            int h = w.SeatHolder[s];
            int body = w.SeatBody[s];
            if (h < 0) { Recruit(w, s, accompaniment, allowance, ref rng); continue; }

            int peers = 0;
            for (int s2 = 0; s2 < w.SeatBody.Length; s2++) if (s2 != s && w.SeatBody[s2] == body && w.SeatHolder[s2] >= 0) peers++;
            bool peerCommittee = body == w.PeerBody;
            bool regionalBody = w.BodyTerritory[body] < 0 && !peerCommittee;
            int t = w.Territory[h];
            double comfort = 0.2
                             + p[P.PeerComfort] * (peerCommittee ? 1.2 : Math.Min(peers, 2) / 2.0)
                             + p[P.AccompanimentComfort] * accompaniment
                             + p[P.AllowanceComfort] * allowance
                             - p[P.StigmaWeight] * (1 - w.Density[t]) * 0.5
                             - (regionalBody ? 0.15 * (1 - accompaniment) : 0)
                             - (w.Pandemic ? 0.12 : 0)
                             + 0.3 * (w.Voice[h] - 0.3);
            comfort = Math.Clamp(comfort, 0, 1);

            double recs = w.RecsThisMonth[h], overrides = w.OverridesThisMonth[h];
            double feedback = L.ExpertDecisionRule == ExpertDecisionRule.AdvisoryWithFeedback ? 0.5 : 1.0;
            w.Frustration[h] = 0.8 * w.Frustration[h] + 0.5 * feedback * overrides - 0.1 * (recs - overrides);
            w.Frustration[h] = Math.Clamp(w.Frustration[h], 0, 3);
            if (recs > 0) w.Voice[h] += 0.15 * ((1 - overrides / recs) - w.Voice[h]);
            w.Voice[h] += 0.02 * (comfort - w.Voice[h]);
            w.Engagement[h] += 0.15 * (comfort - w.Engagement[h]);

            double exit = p[P.ExpertExitBase] * (1.5 - comfort) + p[P.ExpertExitOverride] * Math.Min(1, w.Frustration[h] / 2.0);
            if (rng.NextDouble() < Math.Min(0.6, exit))
            {
                w.SeatHolder[s] = -1; w.Seat[h] = -1; w.Active[h] = false;
                w.Exits[h]++; w.ExpertExits++;
                w.Level[h] = Ladder.Volunteer;
                w.Readiness[h] *= 0.75; // lasting mistrust (M56)
                w.RecsThisMonth[h] = 0; w.OverridesThisMonth[h] = 0;
                continue;
            }
            if (comfort > 0.55 && rng.NextDouble() < 0.05)
            {
                var top = peerCommittee ? Ladder.CommitteeMember : regionalBody ? Ladder.RegionalExpert : Ladder.Collaboration;
                if (w.Level[h] < top) w.Level[h]++;
            }
            w.RecsThisMonth[h] = 0; w.OverridesThisMonth[h] = 0;
        }
    }

    private static void Recruit(World w, int s, double accompaniment, double allowance, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        double rate = p[P.RecruitRate] * (0.5 + 0.5 * allowance + 0.5 * accompaniment);
        if (w.Pandemic) rate *= 0.5;
        if (rng.NextDouble() >= rate) return;
        int t = w.SeatTerritory[s];
        int pool = w.ExpertEnd[0] - w.ExpertStart[0];
        int count = t >= 0 ? pool : pool * w.T;
        if (count <= 0) return;
        int start = rng.NextInt(count);
        bool regional = w.BodyTerritory[w.SeatBody[s]] < 0;
        for (int k = 0; k < count; k++)
        {
            int index = (start + k) % count;
            int h = t >= 0 ? w.ExpertStart[t] + index : w.ExpertStart[index / pool] + index % pool;
            if (w.Seat[h] >= 0 || w.Level[h] < Ladder.Volunteer) continue;
            // Regional seats prefer people who already took part locally (report L3800-3822).
            double ready = w.Readiness[h] * (1 - p[P.StigmaWeight] * (1 - w.Density[w.Territory[h]]))
                           * (regional && w.Level[h] < Ladder.Discussion ? 0.6 : 1.0);
            if (rng.NextDouble() >= ready) continue;
            w.SeatHolder[s] = h; w.Seat[h] = s; w.Active[h] = true; w.EverSeated[h] = true;
            w.Engagement[h] = 0.5; w.Voice[h] = 0.3; w.Frustration[h] = 0;
            if (w.Level[h] < Ladder.Discussion) w.Level[h] = regional ? Ladder.Deliberation : Ladder.Discussion;
            return;
        }
    }
}
