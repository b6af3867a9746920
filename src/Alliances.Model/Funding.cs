namespace Alliances.Model;

/// <summary>
/// Submodel "money" (brief §1 "The money", P0, P6). All amounts are integer cents, so money is conserved exactly:
/// at every month, what the ministry paid equals the coordination reserve + the regional envelope + the local
/// envelopes + the unpaid balance of funded projects + what was spent. Unspent money is carried, never lost.
/// </summary>
public static class Funding
{
    /// <summary>
    /// Payment schedule (report L544-552): 70 000 $ on signature; the second payment on work-plan approval; then
    /// April and September instalments once a June annual report has been adopted after approval. The optional
    /// extension year adds one payment at the end of the 72 months (report L360-369). Payments scheduled during a
    /// funding gap are withheld, not paid later (the interruption between editions, report L6456-6459).
    /// </summary>
    public static void Schedule(World w)
    {
        var p = w.Parameters;
        int months = w.Edition.TotalMonths;
        w.PaymentAt = new long[months + 1];
        long total = World.Cents(w.Region.Envelope);
        long startup = Math.Min(total, World.Cents(p[P.StartupPayment]));
        w.EditionEnvelope = total;
        int approval = (int)Math.Round(p[P.ApprovalMonths])
                       + (w.Levers.PlanningRequirement == PlanningRequirement.Strategy ? (int)Math.Round(p[P.StrategyExtraMonths]) : 0);
        w.ApprovalMonth = Math.Clamp(approval, 1, w.Edition.Months - 2);
        long second = (long)Math.Round((total - startup) * p[P.SecondPaymentShare]);
        w.PaymentAt[0] += startup;
        w.PaymentAt[w.ApprovalMonth] += second;

        // Instalments: April (month % 12 == 0) and September (== 5), after the first June (== 2) report following approval.
        int firstJune = w.ApprovalMonth + 1;
        while (firstJune % 12 != 2) firstJune++;
        int count = 0;
        for (int m = firstJune + 1; m < w.Edition.Months; m++) if (m % 12 is 0 or 5) count++;
        long rest = total - startup - second;
        if (count == 0) { w.PaymentAt[w.ApprovalMonth] += rest; }
        else
        {
            long each = rest / count, remainder = rest - each * count;
            int k = 0;
            for (int m = firstJune + 1; m < w.Edition.Months; m++)
                if (m % 12 is 0 or 5) { w.PaymentAt[m] += each + (k++ == 0 ? remainder : 0); }
        }
        if (w.Edition.ExtensionMonths > 0)
        {
            long ext = World.Cents(w.Edition.ExtensionEnvelope);
            w.PaymentAt[w.Edition.Months] += ext;
            w.EditionEnvelope += ext;
        }
    }

    /// <summary>Monthly: receive the scheduled payment (unless a funding gap withholds it), split it, pay coordination.</summary>
    public static void Disburse(World w)
    {
        int m = w.Month;
        long amount = m < w.PaymentAt.Length ? w.PaymentAt[m] : 0;
        if (w.FundingGap && amount > 0) { w.Withheld += amount; amount = 0; }
        if (w.FundingGap && !w.Bridged && w.Shocks.BridgingShare > 0)
        {
            // Bridging money keeps partners mobilised (report L363-366): paid once, into coordination.
            long bridge = (long)Math.Round(w.EditionEnvelope / 6.0 * w.Shocks.BridgingShare);
            w.PaidByMinistry += bridge; w.BridgingPaid += bridge; w.CoordinationReserve += bridge;
            w.Bridged = true;
        }
        if (amount > 0)
        {
            w.PaidByMinistry += amount;
            if (m == 0) w.CoordinationReserve += amount; // the start-up payment funds the work plan
            else Split(w, amount);
        }
        PayCoordination(w);
        PayAllowances(w);
    }

    /// <summary>
    /// Allowances of seated experts de vécu are paid from the coordination reserve (L26; report L3655-3681): a real
    /// cost of participation that competes with animation when the reserve is short.
    /// </summary>
    private static void PayAllowances(World w)
    {
        double factor = w.Levers.Allowance switch { Allowance.StandardAllowance => 1.0, Allowance.Stipend => 0.6, Allowance.CostCoverage => 0.25, _ => 0 };
        if (factor <= 0) return;
        int seated = 0;
        for (int s = 0; s < w.SeatHolder.Length; s++) if (w.SeatHolder[s] >= 0) seated++;
        long cost = Math.Min(w.CoordinationReserve, World.Cents(seated * factor * w.Parameters[P.AllowanceMonthly]));
        w.CoordinationReserve -= cost;
        w.Spent += cost;
        w.CoordinationSpent += cost;
    }

    /// <summary>
    /// A payment is split into the coordination reserve (report L740-743), the regional share (L08) and the local
    /// envelopes by the local split formula (L18 [A]); rounding by largest remainder so cents add up exactly.
    /// </summary>
    public static void Split(World w, long amount)
    {
        var L = w.Levers;
        long coord = (long)Math.Round(amount * Math.Clamp(L.CoordinationShare, 0, 0.5));
        long projects = amount - coord;
        long regional = (long)Math.Round(projects * Math.Clamp(L.RegionalShare, 0, 1));
        long local = projects - regional;
        w.CoordinationReserve += coord;
        w.RegionalEnvelope += regional;
        var weights = w.ScratchT;
        LocalWeights(w, weights);
        DistributeCents(local, weights, w.LocalEnvelope, w.ScratchT2);
    }

    /// <summary>Local split weights (brief L18): equal, per capita, deprivation-weighted, or capacity-compensating top-up.</summary>
    public static void LocalWeights(World w, double[] weights)
    {
        for (int t = 0; t < w.T; t++)
        {
            weights[t] = w.Levers.LocalSplit switch
            {
                LocalSplit.Equal => 1.0,
                LocalSplit.Population => w.Population[t],
                // Population times an IDMS-based need index, proportional to expected needs (cf. the 95 % IDMS rule
                // between regions, report L435-438) [A].
                LocalSplit.Deprivation => w.Population[t] * (0.1 + 0.6 * w.Deprivation[t]),
                // The same with a top-up for territories with little capacity [A].
                _ => w.Population[t] * (0.1 + 0.6 * w.Deprivation[t]) * (1.0 + 0.5 * (1.0 - w.TerritoryCapacity[t])),
            };
        }
    }

    /// <summary>Splits an amount of cents by weights with the largest-remainder method; the parts sum exactly to the amount.</summary>
    public static void DistributeCents(long amount, double[] weights, long[] into, double[] scratch)
    {
        int n = into.Length;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += weights[i];
        if (sum <= 0) { for (int i = 0; i < n; i++) weights[i] = 1; sum = n; }
        long given = 0;
        for (int i = 0; i < n; i++)
        {
            double exact = amount * (weights[i] / sum);
            long floor = (long)Math.Floor(exact);
            scratch[i] = exact - floor;
            into[i] += floor;
            given += floor;
        }
        long left = amount - given;
        while (left > 0)
        {
            int best = 0;
            for (int i = 1; i < n; i++) if (scratch[i] > scratch[best]) best = i;
            into[best] += 1; scratch[best] = -1; left--;
        }
    }

    /// <summary>Coordination is paid monthly from the reserve; when the reserve is empty, animation stops (report L7384-7386).</summary>
    private static void PayCoordination(World w)
    {
        var p = w.Parameters;
        double monthly = w.Levers.Coordination == CoordinationMode.FundedAnimation ? p[P.AnimationMonthlyCost] : p[P.CoordinatorMonthlyCost];
        // Pooled envelopes (municipal fund, philanthropy, public health) pay part of coordination (M24).
        double pooled = w.Levers.Pooling switch { Pooling.Encouraged => p[P.PoolingShare], Pooling.Allowed => 0.5 * p[P.PoolingShare], _ => 0 };
        long partnerPart = World.Cents(monthly * pooled);
        w.PooledCoordination += partnerPart;
        long cost = Math.Min(w.CoordinationReserve, World.Cents(monthly) - partnerPart);
        w.CoordinationReserve -= cost;
        w.Spent += cost;
        w.CoordinationSpent += cost;
        bool funded = cost + partnerPart >= World.Cents(monthly) / 2;
        w.Active[w.Coordinator] = funded;
    }
}
