using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "concertation" (brief P2, A5, A8). Bodies that exist under the design meet at their interval; members
/// attend with a probability equal to their engagement (lower for experts and small organisations when meetings go
/// virtual, report L2653-2661). Among attendees, priorities converge in bounded-confidence fashion weighted by voice
/// and engagement (Hegselmann-Krause style [A]); experts de vécu pull toward the population's real needs with the
/// uncertain weight M68 [U]. Ties between co-attendees strengthen; every tie decays (brief X2).
/// </summary>
public static class Concertation
{
    public static void Meet(World w, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        Array.Clear(w.Attended);
        double eps = p[P.ConfidenceBound], mu = p[P.ConvergenceRate], expertInfluence = p[P.ExpertInfluence];
        double growth = p[P.TieGrowth] * (w.Pandemic ? 0.5 : 1.0);
        var attendees = w.ScratchIdx;
        for (int b = 0; b < w.B; b++)
        {
            if (w.Month % w.BodyInterval[b] != 0) continue;
            int count = 0;
            for (int k = w.MemberStart[b]; k < w.MemberStart[b + 1]; k++)
            {
                int i = w.Members[k];
                if (!w.Active[i]) continue;
                if (rng.NextDouble() < AttendanceProbability(w, i)) { attendees[count++] = i; w.Attended[i] = true; }
            }
            for (int s = 0; s < w.SeatBody.Length; s++)
            {
                if (w.SeatBody[s] != b) continue;
                int i = w.SeatHolder[s];
                if (i < 0 || !w.Active[i]) continue;
                if (rng.NextDouble() < AttendanceProbability(w, i)) { attendees[count++] = i; w.Attended[i] = true; }
            }
            if (count >= 2) UpdatePriorities(w, attendees.AsSpan(0, count), eps, mu, expertInfluence);
            // Meeting load adds to burden (report L5541-5559).
            for (int k = 0; k < count; k++) w.Burden[attendees[k]] += w.Kind[attendees[k]] == AgentKind.Expert ? 0.25 : 0.12;
            Strengthen(w, b, growth);
        }
        float keep = (float)(1.0 - p[P.TieDecay]);
        var weights = w.Weight;
        for (int e = 0; e < weights.Length; e++) weights[e] *= keep;
    }

    public static double AttendanceProbability(World w, int i)
    {
        double e = w.Engagement[i];
        if (w.Pandemic && w.Kind[i] is AgentKind.Expert or AgentKind.Organisation) e *= w.Parameters[P.VirtualAttendance];
        return Math.Clamp(0.15 + 0.85 * e, 0, 1);
    }

    private static void UpdatePriorities(World w, ReadOnlySpan<int> who, double eps, double mu, double expertInfluence)
    {
        const int D = World.D;
        var next = w.ScratchMeeting; // who.Length × D values, sized for the largest body at initialisation
        int n = who.Length;
        var dist = w.ScratchDistance;  // symmetric: each pair's distance computed once
        for (int x = 0; x < n; x++)
        {
            var px = w.PriorityOf(who[x]);
            dist[x * n + x] = 0;
            for (int y = x + 1; y < n; y++) dist[x * n + y] = dist[y * n + x] = Distance(px, w.PriorityOf(who[y]));
        }
        Span<double> acc = stackalloc double[D];
        Span<double> weights = n <= 128 ? stackalloc double[n] : new double[n];
        for (int y = 0; y < n; y++) weights[y] = w.Voice[who[y]] * (0.3 + 0.7 * w.Engagement[who[y]]);
        for (int x = 0; x < n; x++)
        {
            int i = who[x];
            var pi = w.PriorityOf(i);
            acc.Clear();
            double total = 0;
            for (int y = 0; y < n; y++)
            {
                if (dist[x * n + y] > eps) continue;
                int j = who[y];
                var pj = w.PriorityOf(j);
                double weight = weights[y];
                if (w.Kind[j] == AgentKind.Expert && j != i) weight *= expertInfluence * 4.0; // M68 [U]: zero means no effect
                for (int d = 0; d < D; d++) acc[d] += weight * pj[d];
                total += weight;
            }
            for (int d = 0; d < D; d++)
                next[x * D + d] = total > 0 ? pi[d] + mu * (acc[d] / total - pi[d]) : pi[d];
        }
        for (int x = 0; x < who.Length; x++)
        {
            int i = who[x];
            var pi = w.PriorityOf(i);
            for (int d = 0; d < D; d++) pi[d] = next[x * D + d];
            if (w.Kind[i] == AgentKind.Expert)
            {
                // Experts re-anchor on their lived knowledge of the territory's real needs.
                int t = w.Territory[i];
                double sum = 0;
                for (int d = 0; d < D; d++) sum += w.NeedNow[t * D + d];
                for (int d = 0; d < D; d++) pi[d] = 0.5 * pi[d] + 0.5 * w.NeedNow[t * D + d] / sum;
            }
        }
    }

    /// <summary>Total-variation distance between two priority vectors, in [0, 1].</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int d = 0; d < a.Length; d++) s += Math.Abs(a[d] - b[d]);
        return 0.5 * s;
    }

    private static void Strengthen(World w, int b, double growth)
    {
        var weights = w.Weight;
        for (int k = w.BodyEdgeStart[b]; k < w.BodyEdgeStart[b + 1]; k++)
        {
            int e = w.BodyEdges[k];
            int i = w.EdgeA[e], j = w.EdgeB[e];
            if (!w.Attended[i] || !w.Attended[j]) continue;
            double g = growth * Math.Sqrt(w.Engagement[i] * w.Engagement[j]);
            weights[e] = (float)(weights[e] + g * (1.0 - weights[e]));
        }
    }
}
