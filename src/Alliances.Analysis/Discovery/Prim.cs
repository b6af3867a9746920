namespace Alliances.Analysis.Discovery;

/// <summary>Options of <see cref="Prim.Run"/>.</summary>
public sealed record PrimOptions
{
    /// <summary>Peeling (and pasting) fraction α: each step removes ⌊α n_box⌋ (≥ 1) points of the current box.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Minimum support: peeling stops before the box would hold fewer than this fraction of all points.</summary>
    public double MinMass { get; init; } = 0.05;

    /// <summary>Paste the last peeled box (Friedman and Fisher's bottom-up step) into <see cref="PrimResult.PastedBox"/>.</summary>
    public bool Paste { get; init; }
}

/// <summary>
/// Patient Rule Induction Method (Friedman and Fisher 1999, "Bump hunting in high-dimensional data", Stat. Comput. 9,
/// 123-143) as used for scenario discovery (Bryant and Lempert 2010, "Thinking inside the box", Technol. Forecast.
/// Soc. Change 77, 34-49; cf. the EMA Workbench implementation of Kwakkel 2017).
/// <para>Peeling: from the box given by the declared bounds, every candidate peel removes the ⌊α n⌋ (at least 1)
/// points with the lowest, or the highest, values of one dimension among the n points in the box (points tied with
/// the last removed value go too); the peel that maximises the mean of y (the density of cases of interest) in the
/// remaining box is taken (ties: fewer points removed, then lower dimension index, lower side first). The new limit is
/// placed half-way between the last removed and the first kept value. Peeling continues while the new box keeps a mass
/// ≥ <see cref="PrimOptions.MinMass"/> and strictly increases the density (a peel that does not raise the density
/// would only lose coverage), and every box is recorded.</para>
/// <para>Pasting (optional): the last box is repeatedly widened on the side and dimension that, by adding the next
/// ⌊α n⌋ (≥ 1) points lying just outside that one limit, gives the highest density, as long as that density does not
/// fall; a limit widened past the last outside point returns to the declared bound.</para>
/// </summary>
public static class Prim
{
    /// <param name="x">Inputs, x[point][dimension].</param>
    /// <param name="y">Case of interest (true) or not, per point.</param>
    /// <param name="names">Dimension names (default x0, x1, ...).</param>
    /// <param name="bounds">Declared (low, high) per dimension (default: the data's min and max).</param>
    public static PrimResult Run(double[][] x, bool[] y, IReadOnlyList<string>? names = null,
        IReadOnlyList<(double Low, double High)>? bounds = null, PrimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        options ??= new PrimOptions();
        if (!(options.Alpha > 0 && options.Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(options), "alpha must be in (0, 1)");
        if (!(options.MinMass > 0 && options.MinMass <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "min mass must be in (0, 1]");
        int n = x.Length;
        if (n == 0 || y.Length != n) throw new ArgumentException("x and y need the same, non-zero number of points");
        int k = x[0].Length;
        if (k == 0) throw new ArgumentException("no dimensions", nameof(x));
        foreach (var row in x)
        {
            if (row is null || row.Length != k) throw new ArgumentException("ragged x", nameof(x));
            foreach (double v in row)
                if (!double.IsFinite(v)) throw new ArgumentException("x contains a non-finite value", nameof(x));
        }
        string[] dimNames = names is null ? Enumerable.Range(0, k).Select(i => $"x{i}").ToArray() : names.ToArray();
        if (dimNames.Length != k) throw new ArgumentException("one name per dimension", nameof(names));
        var low = new double[k];
        var high = new double[k];
        for (int i = 0; i < k; i++)
        {
            if (bounds is null)
            {
                low[i] = x.Min(r => r[i]);
                high[i] = x.Max(r => r[i]);
            }
            else
            {
                if (bounds.Count != k) throw new ArgumentException("one bound per dimension", nameof(bounds));
                (low[i], high[i]) = bounds[i];
                if (!(high[i] >= low[i])) throw new ArgumentException($"bounds of dimension {i} are reversed", nameof(bounds));
            }
        }
        int totalCases = y.Count(b => b);
        var ctx = new Context(x, y, dimNames, low, high, totalCases);

        var lower = (double[])low.Clone();
        var upper = (double[])high.Clone();
        var inBox = Enumerable.Range(0, n).ToList();
        int cases = totalCases;
        var trajectory = new List<PrimBox> { ctx.Box(0, lower, upper, inBox.Count, cases, pasted: false) };
        var order = new int[n];
        while (true)
        {
            int nb = inBox.Count;
            int m0 = Math.Max(1, (int)Math.Floor(options.Alpha * nb));
            double bestMean = double.NegativeInfinity;
            int bestRemoved = int.MaxValue, bestDim = -1, bestCases = 0;
            bool bestUpper = false;
            double bestLimit = 0;
            for (int j = 0; j < k; j++)
            {
                var idx = order.AsSpan(0, nb);
                for (int t = 0; t < nb; t++) idx[t] = inBox[t];
                SortBy(idx, x, j);
                for (int side = 0; side < 2; side++)
                {
                    bool up = side == 1;
                    int m = m0;
                    // extend over ties so that the limit separates removed from kept values
                    if (!up) { while (m < nb && x[idx[m]][j] == x[idx[m - 1]][j]) m++; }
                    else { while (m < nb && x[idx[nb - m - 1]][j] == x[idx[nb - m]][j]) m++; }
                    if (m >= nb) continue;
                    int removedCases = 0;
                    for (int t = 0; t < m; t++) if (y[idx[up ? nb - 1 - t : t]]) removedCases++;
                    int keptCases = cases - removedCases;
                    double mean = (double)keptCases / (nb - m);
                    if (mean > bestMean || (mean == bestMean && m < bestRemoved))
                    {
                        bestMean = mean;
                        bestRemoved = m;
                        bestDim = j;
                        bestUpper = up;
                        bestCases = keptCases;
                        bestLimit = up
                            ? 0.5 * (x[idx[nb - m - 1]][j] + x[idx[nb - m]][j])
                            : 0.5 * (x[idx[m - 1]][j] + x[idx[m]][j]);
                    }
                }
            }
            if (bestDim < 0) break;
            double currentMean = (double)cases / nb;
            double massNew = (double)(nb - bestRemoved) / n;
            if (massNew < options.MinMass || !(bestMean > currentMean)) break;
            if (bestUpper) upper[bestDim] = bestLimit; else lower[bestDim] = bestLimit;
            int d = bestDim;
            inBox = inBox.Where(p => x[p][d] >= lower[d] && x[p][d] <= upper[d]).ToList();
            cases = bestCases;
            trajectory.Add(ctx.Box(trajectory.Count, lower, upper, inBox.Count, cases, pasted: false));
        }

        PrimBox? pastedBox = options.Paste ? Paste(ctx, trajectory[^1], options.Alpha) : null;
        return new PrimResult(trajectory, pastedBox, dimNames, low, high, n, totalCases);
    }

    private static PrimBox Paste(Context ctx, PrimBox box, double alpha)
    {
        var x = ctx.X;
        var y = ctx.Y;
        int n = x.Length, k = ctx.Low.Length;
        var lower = (double[])box.Lower.Clone();
        var upper = (double[])box.Upper.Clone();
        int points = box.Points, cases = box.Cases;
        bool changed = false;
        while (true)
        {
            double currentMean = points == 0 ? 0 : (double)cases / points;
            int m0 = Math.Max(1, (int)Math.Floor(alpha * points));
            double bestMean = double.NegativeInfinity;
            int bestAdded = 0, bestDim = -1, bestCases = 0;
            bool bestUpper = false;
            double bestLimit = 0;
            for (int j = 0; j < k; j++)
            {
                for (int side = 0; side < 2; side++)
                {
                    bool up = side == 1;
                    // points inside every other limit but outside this side of dimension j
                    var cand = new List<int>();
                    for (int p = 0; p < n; p++)
                    {
                        double v = x[p][j];
                        if (up ? !(v > upper[j]) : !(v < lower[j])) continue;
                        if (InsideExcept(x[p], lower, upper, j)) cand.Add(p);
                    }
                    if (cand.Count == 0) continue;
                    // nearest first
                    cand.Sort((a, b) => up ? x[a][j].CompareTo(x[b][j]) : x[b][j].CompareTo(x[a][j]));
                    int m = Math.Min(m0, cand.Count);
                    while (m < cand.Count && x[cand[m]][j] == x[cand[m - 1]][j]) m++;
                    int added = 0;
                    for (int t = 0; t < m; t++) if (y[cand[t]]) added++;
                    double mean = (double)(cases + added) / (points + m);
                    if (mean > bestMean || (mean == bestMean && m > bestAdded))
                    {
                        bestMean = mean;
                        bestAdded = m;
                        bestDim = j;
                        bestUpper = up;
                        bestCases = cases + added;
                        bestLimit = m == cand.Count
                            ? (up ? ctx.High[j] : ctx.Low[j])
                            : 0.5 * (x[cand[m - 1]][j] + x[cand[m]][j]);
                    }
                }
            }
            if (bestDim < 0 || bestMean < currentMean) break;
            if (bestUpper) upper[bestDim] = bestLimit; else lower[bestDim] = bestLimit;
            points += bestAdded;
            cases = bestCases;
            changed = true;
        }
        return changed ? ctx.Box(box.Step, lower, upper, points, cases, pasted: true) : box with { Pasted = true };
    }

    private static bool InsideExcept(double[] p, double[] lower, double[] upper, int except)
    {
        for (int i = 0; i < p.Length; i++)
        {
            if (i == except) continue;
            if (!(p[i] >= lower[i] && p[i] <= upper[i])) return false;
        }
        return true;
    }

    private static void SortBy(Span<int> idx, double[][] x, int dim)
    {
        // stable, deterministic: by value then by point index
        idx.Sort((a, b) =>
        {
            int c = x[a][dim].CompareTo(x[b][dim]);
            return c != 0 ? c : a.CompareTo(b);
        });
    }

    private sealed record Context(double[][] X, bool[] Y, string[] Names, double[] Low, double[] High, int TotalCases)
    {
        public PrimBox Box(int step, double[] lower, double[] upper, int points, int cases, bool pasted)
        {
            var limits = new List<DimensionLimit>();
            for (int i = 0; i < Low.Length; i++)
            {
                bool lr = lower[i] > Low[i], ur = upper[i] < High[i];
                if (!lr && !ur) continue;
                double range = High[i] - Low[i];
                double restriction = range > 0 ? 1 - (upper[i] - lower[i]) / range : 0;
                limits.Add(new DimensionLimit(i, Names[i], lower[i], upper[i], lr, ur, restriction));
            }
            return new PrimBox(step, (double[])lower.Clone(), (double[])upper.Clone(), points, cases,
                TotalCases == 0 ? double.NaN : (double)cases / TotalCases,
                points == 0 ? double.NaN : (double)cases / points,
                (double)points / X.Length, limits, pasted);
        }
    }
}
