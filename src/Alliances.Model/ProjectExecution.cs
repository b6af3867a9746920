using Alliances.Rng;

namespace Alliances.Model;

/// <summary>
/// Submodel "project execution and effects" (brief P7). Each running project pays its promoter in equal monthly
/// instalments and improves living conditions in its domain in every territory it reaches, in proportion to the money
/// per inhabitant (relative to the depth of the territory's needs), to its quality, to the territory's collective
/// capacity and to the real unmet need there (diminishing returns). No effect sizes exist in the
/// sources (report L4266-4275): magnitudes are assumptions [A]. During the pandemic effects shrink (report
/// L4363-4390). At the end a project succeeds with probability equal to its quality (promoter capacity, real
/// collaboration, accompaniment; report L4948-4951, seed 002); success adds a lasting effect and builds capacity.
/// </summary>
public static class ProjectExecution
{
    private const double MedianPopulation = 35_000;

    public static void Advance(World w, ref Xoshiro256 rng)
    {
        var p = w.Parameters;
        double effectPerMillion = p[P.EffectPerDollar] * (w.Pandemic ? p[P.PandemicEffect] : 1.0);
        for (int q = 0; q < w.ProjectCount; q++)
        {
            if (w.ProjDone[q]) continue;
            int elapsed = w.Month - w.ProjStart[q];
            int monthsLeft = Math.Max(1, w.ProjDuration[q] - elapsed);
            long pay = monthsLeft <= 1 ? w.ProjRemaining[q] : w.ProjRemaining[q] / monthsLeft;
            w.ProjRemaining[q] -= pay;
            w.Spent += pay;
            // Partner money adds to the project's means, at half the weight of FQIS money (it is not all targeted) [A].
            Apply(w, q, pay / 100.0 * (1 + 0.5 * w.ProjLeverage[q]), effectPerMillion * w.ProjQuality[q]);
            if (w.ProjRemaining[q] == 0)
            {
                w.ProjDone[q] = true;
                bool success = rng.NextDouble() < w.ProjQuality[q];
                w.ProjSucceeded[q] = success;
                int promoter = w.ProjPromoter[q];
                if (success)
                {
                    Apply(w, q, w.ProjBudget[q] / 100.0, effectPerMillion * p[P.CompletionBonus] * w.ProjQuality[q]);
                    w.Capacity[promoter] += 0.08 * (1 - w.Capacity[promoter]);
                    w.Efficacy[promoter] += 0.15 * (1 - w.Efficacy[promoter]);
                    for (int t = 0; t < w.T; t++) if ((w.ProjReach[q] & (1 << t)) != 0) w.RecentSuccess[t] += 1;
                }
                else w.Efficacy[promoter] -= 0.1 * w.Efficacy[promoter];
            }
        }
    }

    private static void Apply(World w, int q, double dollars, double effectPerMillion)
    {
        int reach = w.ProjReach[q];
        int d = (int)w.ProjDomain[q];
        double population = 0;
        for (int t = 0; t < w.T; t++) if ((reach & (1 << t)) != 0) population += w.Population[t];
        for (int t = 0; t < w.T; t++)
        {
            if ((reach & (1 << t)) == 0) continue;
            double perTerritory = dollars * (w.Population[t] / population) / 1e6; // shared by population
            int k = t * World.D + d;
            double unmet = Math.Max(0, w.NeedNow[k] - w.Gain[k]);
            // Money per inhabitant relative to the depth of the territory's needs: deeper needs take more money for the
            // same share of needs met [A].
            double perCapita = perTerritory * MedianPopulation / w.Population[t] / (2.5 * NeedLevel(w, t));
            double mediation = 1 - w.Parameters[P.CapacityMediation] * (1 - w.TerritoryCapacity[t]);
            w.Gain[k] += Math.Min(unmet, effectPerMillion * mediation * perCapita * unmet);
        }
    }

    /// <summary>Mean initial need of a territory over domains.</summary>
    public static double NeedLevel(World w, int t)
    {
        double s = 0;
        for (int d = 0; d < World.D; d++) s += w.Need0[t * World.D + d];
        return s / World.D;
    }

    /// <summary>Progress of a territory: share of its initial needs met, in [0, 1].</summary>
    public static double Progress(World w, int t)
    {
        double gain = 0, need = 0;
        for (int d = 0; d < World.D; d++) { gain += w.Gain[t * World.D + d]; need += w.Need0[t * World.D + d]; }
        return need > 0 ? Math.Clamp(gain / need, 0, 1) : 0;
    }
}
