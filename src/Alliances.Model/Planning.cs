namespace Alliances.Model;

/// <summary>
/// Submodel "yearly planning" (brief P2, P3). At work-plan approval and every April after it, regional priorities
/// are set: by the regional table where it decides, half by the table and half by the Table des préfets where the
/// table is consultative (report L1864-1865); otherwise by the Table des préfets matching the priorities common
/// to local territories (report L1876-1880, L1900-1902). Each territory keeps its own priorities, which the regional
/// level respects (report L1876-1880). Structured devices (fiches, chantiers) pull local priorities toward regional
/// ones where local concertations sit at the regional level (report L1900-1908) [strength A].
/// </summary>
public static class Planning
{
    public const int RegionalPriorities = 4; // typical regional plans list four to six themes (report L4034-4040) [A]
    public const int LocalPriorities = 2;

    public static bool IsPlanningMonth(World w) =>
        w.Month == w.ApprovalMonth || (w.Month > w.ApprovalMonth && w.Month % 12 == 0);

    public static void Plan(World w)
    {
        if (!IsPlanningMonth(w)) return;
        const int D = World.D;
        var v = w.RegionalPriorityVector;
        Array.Clear(v);
        if (w.RegionalTableBody >= 0 && w.Levers.DecisionBody == DecisionBody.RegionalTable) AddBodyMean(w, w.RegionalTableBody, v, 1.0);
        else if (w.RegionalTableBody >= 0)
        {
            // A consultative table feeds the Table des préfets, which decides (report L1864-1865).
            AddBodyMean(w, w.RegionalTableBody, v, 0.5);
            AddBodyMean(w, w.PrefetsBody, v, 0.5);
        }
        else
        {
            AddBodyMean(w, w.PrefetsBody, v, 0.5);
            for (int t = 0; t < w.T; t++) AddBodyMean(w, w.LocalBody[t], v, 0.5 / w.T);
        }
        Initialization.Normalize(v);
        w.RegionalPriorityMask = TopMask(v, RegionalPriorities, w.ScratchD);

        double pull = w.Levers.StrategicDevice switch
        {
            StrategicDevice.Chantiers => 0.35,
            StrategicDevice.Fiches => 0.25,
            StrategicDevice.PriorityMatching => 0.05,
            _ => 0.0,
        };
        bool linked = w.RegionalTableBody >= 0 && w.Levers.TableHasLocalConcertations;
        if (!linked) pull *= 0.3;
        for (int t = 0; t < w.T; t++)
        {
            int table = w.TableOf[t];
            var pt = w.PriorityOf(table);
            double s = pull * w.Engagement[table];
            for (int d = 0; d < D; d++) pt[d] += s * (v[d] - pt[d]);
            Array.Clear(w.ScratchD2);
            AddBodyMean(w, w.LocalBody[t], w.ScratchD2, 1.0);
            Initialization.Normalize(w.ScratchD2);
            w.LocalPriorityMask[t] = TopMask(w.ScratchD2, LocalPriorities, w.ScratchD);
        }
    }

    /// <summary>Adds the engagement- and voice-weighted mean priority vector of a body's active members.</summary>
    private static void AddBodyMean(World w, int b, double[] into, double scale)
    {
        const int D = World.D;
        var acc = w.ScratchD;
        Array.Clear(acc);
        double total = 0;
        for (int k = w.MemberStart[b]; k < w.MemberStart[b + 1]; k++)
        {
            int i = w.Members[k];
            if (!w.Active[i]) continue;
            double wt = w.Voice[i] * (0.2 + w.Engagement[i]);
            var pi = w.PriorityOf(i);
            for (int d = 0; d < D; d++) acc[d] += wt * pi[d];
            total += wt;
        }
        if (total <= 0) return;
        for (int d = 0; d < D; d++) into[d] += scale * acc[d] / total;
    }

    /// <summary>Bit mask of the k largest entries (ties broken by domain order).</summary>
    public static int TopMask(double[] v, int k, double[] scratch)
    {
        Array.Copy(v, scratch, v.Length);
        int mask = 0;
        for (int r = 0; r < k; r++)
        {
            int best = -1;
            for (int d = 0; d < v.Length; d++)
                if ((mask & (1 << d)) == 0 && (best < 0 || scratch[d] > scratch[best])) best = d;
            mask |= 1 << best;
        }
        return mask;
    }
}
