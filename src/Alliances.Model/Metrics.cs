namespace Alliances.Model;

/// <summary>
/// Computes the metrics of <see cref="MetricCatalog"/> from the state (brief §8). Allocation-free: scratch buffers are
/// owned by the calculator and sized once per world.
/// </summary>
public sealed class MetricsCalculator
{
    private readonly double[] _progress, _sorted, _s, _direct, _funding, _need;
    private readonly int[] _order;
    private readonly double[] _kindSum = new double[9];
    private readonly int[] _kindCount = new int[9];
    private const int RegionalAgents = 10; // ministry, respondent, coordinator, seven sectoral partners

    public MetricsCalculator(World w)
    {
        _progress = new double[w.T]; _sorted = new double[w.T]; _funding = new double[w.T]; _need = new double[w.T];
        _s = new double[w.T * RegionalAgents]; _direct = new double[w.T * w.T]; _order = new int[w.T];
        for (int t = 0; t < w.T; t++) _order[t] = t;
        // Territories ordered by initial resources (for the capacity gap), fixed for the run.
        var res = w.Resources;
        Array.Sort(_order, (a, b) => res[a] != res[b] ? res[a].CompareTo(res[b]) : a.CompareTo(b));
    }

    public void Region(World w, Span<double> m)
    {
        int T = w.T;
        double meanProgress = 0;
        for (int t = 0; t < T; t++) { _progress[t] = ProjectExecution.Progress(w, t); meanProgress += _progress[t]; }
        meanProgress /= T;

        // Cohesion --------------------------------------------------------------------------------------
        int funded = w.ProjectCount, aligned = 0, observed = 0, coveredAny = 0, coveredRegional = 0;
        for (int q = 0; q < funded; q++) { if (w.ProjAligned[q]) aligned++; if (w.ProjObservedAligned[q]) observed++; }
        int priorities = 0;
        for (int d = 0; d < World.D; d++)
        {
            if ((w.RegionalPriorityMask & (1 << d)) == 0) continue;
            priorities++;
            bool any = false, reg = false;
            for (int q = 0; q < funded && !(any && reg); q++)
            {
                if ((int)w.ProjDomain[q] != d) continue;
                any = true;
                if (w.ProjSource[q] == ProjectSource.Regional) reg = true;
            }
            if (any) coveredAny++;
            if (reg) coveredRegional++;
        }
        m[MetricCatalog.PriorityAlignment] = funded > 0 ? (double)aligned / funded : 0;
        m[MetricCatalog.ObservedAlignment] = funded > 0 ? (double)observed / funded : 0;
        m[MetricCatalog.RegionalPriorityCoverage] = priorities > 0 ? 0.5 * (coveredAny + coveredRegional) / priorities : 0;
        m[MetricCatalog.SharedVision] = SharedVision(w);
        m[MetricCatalog.NetworkCohesion] = NetworkCohesion(w);
        MeanEngagements(w, _kindSum, _kindCount);
        double prefets = Mean(AgentKind.Prefet), partners = Mean(AgentKind.SectoralPartner);
        double tables = Mean(AgentKind.LocalTable), orgs = Mean(AgentKind.Organisation);
        m[MetricCatalog.Mobilization] = 0.25 * (prefets + partners + tables + orgs);
        m[MetricCatalog.CohesionIndex] = 0.2 * (m[MetricCatalog.PriorityAlignment] + m[MetricCatalog.RegionalPriorityCoverage]
                                                + m[MetricCatalog.SharedVision] + m[MetricCatalog.NetworkCohesion] + m[MetricCatalog.Mobilization]);

        // Equity ----------------------------------------------------------------------------------------
        double gini = Gini(_progress, _sorted, T);
        double worst = double.MaxValue;
        for (int t = 0; t < T; t++) worst = Math.Min(worst, _progress[t]);
        int third = Math.Max(1, T / 3);
        double low = 0, high = 0;
        for (int k = 0; k < third; k++) { low += w.TerritoryCapacity[_order[k]]; high += w.TerritoryCapacity[_order[T - 1 - k]]; }
        double gap = (high - low) / third;
        m[MetricCatalog.TerritorialGini] = gini;
        m[MetricCatalog.WorstTerritoryProgress] = worst;
        m[MetricCatalog.CapacityGap] = Math.Clamp(gap, -1, 1);
        m[MetricCatalog.FundingNeedConcordance] = Concordance(w);
        double voice = 0; int seats = w.SeatBody.Length, filled = 0;
        for (int s = 0; s < seats; s++) { int h = w.SeatHolder[s]; if (h >= 0) { voice += w.Voice[h]; filled++; } }
        m[MetricCatalog.ExpertsVoice] = seats > 0 ? Math.Clamp(voice / seats, 0, 1) : 0;
        double relativeWorst = meanProgress > 0 ? Math.Min(1, worst / meanProgress) : 0;
        m[MetricCatalog.EquityIndex] = 0.2 * ((1 - gini) + relativeWorst + (1 - Math.Max(0, gap)) + m[MetricCatalog.FundingNeedConcordance] + m[MetricCatalog.ExpertsVoice]);

        // Participation ---------------------------------------------------------------------------------
        int ever = 0, still = 0;
        for (int t = 0; t < T; t++)
            for (int h = w.ExpertStart[t]; h < w.ExpertEnd[t]; h++)
                if (w.EverSeated[h]) { ever++; if (w.Seat[h] >= 0) still++; }
        m[MetricCatalog.ExpertsRetention] = ever > 0 ? (double)still / ever : 0;
        m[MetricCatalog.ExpertParticipation] = seats > 0 ? (double)filled / seats : 0;
        m[MetricCatalog.ExpertExits] = w.ExpertExits;

        // Effectiveness and sustainability ----------------------------------------------------------------
        double weighted = 0;
        for (int t = 0; t < T; t++)
        {
            double g = 0;
            for (int d = 0; d < World.D; d++) g += w.Gain[t * World.D + d];
            weighted += g * w.Population[t] / 35_000.0;
        }
        double projectMillions = (w.Spent - w.CoordinationSpent) / 1e8;
        m[MetricCatalog.Effectiveness] = projectMillions > 0.01 ? Math.Clamp(weighted / projectMillions, 0, 50) : 0;
        double meanCapacity = 0;
        for (int t = 0; t < T; t++) meanCapacity += w.TerritoryCapacity[t];
        meanCapacity /= T;
        m[MetricCatalog.Sustainability] = 0.6 * meanCapacity + 0.4 * w.RegionalCapacity;
        m[MetricCatalog.ProjectsFunded] = funded;
        double reach = 0;
        for (int t = 0; t < T; t++) reach += w.ProjectsInTerritory[t];
        m[MetricCatalog.ProjectsPerTerritory] = reach / T;

        // Secondary ----------------------------------------------------------------------------------------
        m[MetricCatalog.MeanProgress] = meanProgress;
        m[MetricCatalog.RegionalProjects] = w.RegionalProjects;
        m[MetricCatalog.RatificationRate] = w.Recommended > 0 ? (double)w.Ratified / w.Recommended : 1.0;
        m[MetricCatalog.PrefetEngagement] = prefets;
        m[MetricCatalog.RegionalEngagement] = 0.5 * (prefets + partners);
        m[MetricCatalog.LocalEngagement] = 0.5 * (tables + orgs);
        long committed = 0;
        for (int q = 0; q < funded; q++) committed += w.ProjBudget[q];
        m[MetricCatalog.Leverage] = committed > 0 ? Math.Clamp((double)w.PartnerLeverage / committed, 0, 10) : 0;
        int isolated = 0;
        for (int t = 0; t < T; t++)
            if (w.ProjectsInTerritory[t] == 0 || (w.TerritoryCapacity[t] < 0.3 && _progress[t] < 0.5 * meanProgress)) isolated++;
        m[MetricCatalog.IsolatedShare] = (double)isolated / T;
    }

    public static void Territory(World w, int t, Span<double> m)
    {
        m[MetricCatalog.Territory.Progress] = ProjectExecution.Progress(w, t);
        m[MetricCatalog.Territory.Capacity] = w.TerritoryCapacity[t];
        m[MetricCatalog.Territory.Engagement] = w.BodyEngagement[w.LocalBody[t]];
        m[MetricCatalog.Territory.Funding] = w.FundsToTerritory[t] / 1e8;
        m[MetricCatalog.Territory.Projects] = w.ProjectsInTerritory[t];
    }

    private double Mean(AgentKind kind) => _kindCount[(int)kind] > 0 ? _kindSum[(int)kind] / _kindCount[(int)kind] : 0;

    /// <summary>Mean engagement per agent kind in one pass (inactive agents count as zero).</summary>
    private static void MeanEngagements(World w, double[] sums, int[] counts)
    {
        Array.Clear(sums); Array.Clear(counts);
        for (int i = 0; i < w.N; i++)
        {
            int k = (int)w.Kind[i];
            sums[k] += w.Active[i] ? w.Engagement[i] : 0;
            counts[k]++;
        }
    }

    private static double SharedVision(World w)
    {
        const int D = World.D;
        Span<double> reference = stackalloc double[D];
        double norm = 0;
        for (int d = 0; d < D; d++) norm += w.RegionalPriorityVector[d];
        if (norm > 0) for (int d = 0; d < D; d++) reference[d] = w.RegionalPriorityVector[d] / norm;
        else
        {
            for (int t = 0; t < w.T; t++) { var pt = w.PriorityOf(w.TableOf[t]); for (int d = 0; d < D; d++) reference[d] += pt[d] / w.T; }
        }
        double dist = 0;
        for (int t = 0; t < w.T; t++) dist += Concertation.Distance(w.PriorityOf(w.TableOf[t]), reference);
        return Math.Clamp(1 - 2 * dist / w.T, 0, 1);
    }

    /// <summary>
    /// Mean of (a) the mean strength of ties inside territories and (b) the mean over territory pairs of their bridge:
    /// the strongest direct tie between them or the strongest two-step path through a regional actor (weakest link).
    /// </summary>
    private double NetworkCohesion(World w)
    {
        int T = w.T;
        Array.Clear(_s); Array.Clear(_direct);
        double within = 0; int withinCount = 0;
        for (int e = 0; e < w.E; e++)
        {
            int i = w.EdgeA[e], j = w.EdgeB[e];
            int ti = w.Territory[i], tj = w.Territory[j];
            double wt = w.Weight[e];
            if (ti >= 0 && ti == tj) { within += wt; withinCount++; continue; }
            if (ti >= 0 && tj >= 0)
            {
                if (wt > _direct[ti * T + tj]) { _direct[ti * T + tj] = wt; _direct[tj * T + ti] = wt; }
            }
            else if (ti >= 0 && j < RegionalAgents) { if (wt > _s[ti * RegionalAgents + j]) _s[ti * RegionalAgents + j] = wt; }
            else if (tj >= 0 && i < RegionalAgents) { if (wt > _s[tj * RegionalAgents + i]) _s[tj * RegionalAgents + i] = wt; }
        }
        double bridges = 0; int pairs = 0;
        for (int a = 0; a < T; a++)
            for (int b = a + 1; b < T; b++)
            {
                double best = _direct[a * T + b];
                for (int r = 0; r < RegionalAgents; r++) best = Math.Max(best, Math.Min(_s[a * RegionalAgents + r], _s[b * RegionalAgents + r]));
                bridges += best; pairs++;
            }
        double localMean = withinCount > 0 ? within / withinCount : 0;
        double bridgeMean = pairs > 0 ? bridges / pairs : 0;
        return Math.Clamp(0.5 * (localMean + bridgeMean), 0, 1);
    }

    private double Concordance(World w)
    {
        double f = 0, n = 0;
        for (int t = 0; t < w.T; t++)
        {
            _funding[t] = w.FundsToTerritory[t];
            double need = 0;
            for (int d = 0; d < World.D; d++) need += w.Need0[t * World.D + d];
            _need[t] = need * w.Population[t];
            f += _funding[t]; n += _need[t];
        }
        if (f <= 0 || n <= 0) return 0;
        double tv = 0;
        for (int t = 0; t < w.T; t++) tv += Math.Abs(_funding[t] / f - _need[t] / n);
        return Math.Clamp(1 - 0.5 * tv, 0, 1);
    }

    /// <summary>Gini coefficient by the sorted-rank formula; 0 when all values are zero.</summary>
    public static double Gini(double[] values, double[] scratch, int n)
    {
        Array.Copy(values, scratch, n);
        Array.Sort(scratch, 0, n);
        double sum = 0, weighted = 0;
        for (int i = 0; i < n; i++) { sum += scratch[i]; weighted += (i + 1) * scratch[i]; }
        if (sum <= 0) return 0;
        return Math.Clamp((2 * weighted) / (n * sum) - (n + 1.0) / n, 0, 1);
    }
}
