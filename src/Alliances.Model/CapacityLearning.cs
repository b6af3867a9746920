namespace Alliances.Model;

/// <summary>
/// Submodel "collective capacity and learning" (brief P8, M23, M32, M36-M38). A territory's capacity grows with
/// sustained concertation (engagement on its local table), recent successful projects and the support reaching it
/// (report L210-212, L1110-1116), and decays without activity (seed 000). Exchange between territories — ties bridging
/// the territory to regional actors and other territories, and communities of practice — lets weaker territories catch
/// up with the regional mean (report L321-330, L7397-7402); without it progress tracks initial resources (M32).
/// Regional capacity grows with an engaged regional table and decays in a funding gap (report L5740-5765).
/// </summary>
public static class CapacityLearning
{
    public static void Update(World w)
    {
        var p = w.Parameters;
        var L = w.Levers;
        double growth = p[P.CapacityGrowth], decay = p[P.CapacityDecay], exchange = p[P.ExchangeRate];
        double practice = L.PracticeCommunity switch { PracticeCommunity.InterRegional => 0.5, PracticeCommunity.IntraRegional => 0.35, _ => 0 };
        var bridge = w.ScratchT2;
        Bridges(w, bridge);
        double mean = 0;
        for (int t = 0; t < w.T; t++) mean += w.TerritoryCapacity[t];
        mean /= w.T;
        for (int t = 0; t < w.T; t++)
        {
            double k = w.TerritoryCapacity[t];
            double concert = w.BodyEngagement[w.LocalBody[t]];
            double success = Math.Min(1, w.RecentSuccess[t]);
            double drive = 0.4 * concert + 0.3 * success + 0.3 * w.Support[t];
            double catchUp = exchange * Math.Min(1, 0.6 * bridge[t] + practice) * Math.Max(0, mean - k);
            k += growth * drive * (1 - k) - decay * k * (1 - concert) + catchUp;
            w.TerritoryCapacity[t] = Math.Clamp(k, 0, 1);
            w.Capacity[w.TableOf[t]] = 0.5 * w.Capacity[w.TableOf[t]] + 0.5 * w.TerritoryCapacity[t];
            w.RecentSuccess[t] *= 0.9;
        }
        double regionalDrive = w.RegionalTableBody >= 0 ? w.BodyEngagement[w.RegionalTableBody] : 0.3 * w.BodyEngagement[w.PrefetsBody];
        // The Table des préfets' own capacity grows over time (M17; report L1840-1845).
        regionalDrive += 0.1;
        w.RegionalCapacity += growth * regionalDrive * (1 - w.RegionalCapacity) - decay * w.RegionalCapacity * (w.FundingGap ? 2.0 : Math.Max(0, 1.0 - regionalDrive));
        w.RegionalCapacity = Math.Clamp(w.RegionalCapacity, 0, 1);
    }

    /// <summary>
    /// For each territory, the strongest tie between one of its practitioners (local table, organisations, local
    /// staff) and an actor outside the territory: the channel of knowledge pooling. Préfets' ties on the Table des
    /// préfets do not count: its exchanges are administrative (report L6258-6260, L6654-6656).
    /// </summary>
    public static void Bridges(World w, double[] into)
    {
        Array.Clear(into, 0, w.T);
        for (int e = 0; e < w.E; e++)
        {
            int a = w.EdgeA[e], b = w.EdgeB[e];
            int ti = w.Territory[a], tj = w.Territory[b];
            if (ti == tj) continue;
            if (w.Kind[a] == AgentKind.Prefet) ti = -1;
            if (w.Kind[b] == AgentKind.Prefet) tj = -1;
            double wt = w.Weight[e];
            if (ti >= 0 && wt > into[ti]) into[ti] = wt;
            if (tj >= 0 && wt > into[tj]) into[tj] = wt;
        }
    }
}
