using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>How box-plot whiskers are computed.</summary>
public enum WhiskerRule
{
    /// <summary>Whiskers span the 5th to the 95th percentile (default). No outlier points are drawn.</summary>
    Percentile5To95,

    /// <summary>Tukey: whiskers reach the most extreme samples within 1.5 IQR of the box; samples beyond are drawn as dots.</summary>
    Tukey,
}

/// <summary>
/// One category (e.g. a design) of a <see cref="DistributionChart"/>: raw samples (non-finite values are
/// ignored) plus an optional caller-computed mean and confidence interval.
/// </summary>
public sealed record DistributionCategory(string Name, IReadOnlyList<double> Samples)
{
    /// <summary>Mean to draw as a diamond marker (not computed from the samples).</summary>
    public double? Mean { get; init; }

    /// <summary>Lower bound of the mean's confidence interval.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper bound of the mean's confidence interval.</summary>
    public double? CiHigh { get; init; }
}

/// <summary>
/// Distribution per category: box plot (median line, p25–p75 box, whiskers per <see cref="Whiskers"/>),
/// optional violin (Gaussian kernel density, Silverman bandwidth, trimmed to the sample range, each violin
/// scaled to the same maximal width), and the caller's mean with its CI as a diamond with an error bar
/// drawn just right of the box. Quantiles use linear interpolation (Hyndman–Fan type 7).
/// </summary>
public sealed record DistributionChart : Chart
{
    /// <summary>Categories, left to right (colours follow the palette).</summary>
    public required IReadOnlyList<DistributionCategory> Categories { get; init; }

    /// <summary>Label under the category axis.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Value axis label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Whisker rule (default p05–p95).</summary>
    public WhiskerRule Whiskers { get; init; } = WhiskerRule.Percentile5To95;

    /// <summary>Draw the box plot.</summary>
    public bool ShowBox { get; init; } = true;

    /// <summary>Draw a violin (kernel density) behind the box.</summary>
    public bool ShowViolin { get; init; }

    /// <summary>Number of density evaluation points per violin.</summary>
    public int ViolinResolution { get; init; } = 64;

    /// <summary>Legend text for the box; default describes the whisker rule.</summary>
    public string? BoxLegendLabel { get; init; }

    /// <summary>Legend text for the mean marker.</summary>
    public string MeanLegendLabel { get; init; } = "Mean (95 % CI)";

    /// <summary>Fixed value range.</summary>
    public AxisRange? YRange { get; init; }

    /// <inheritdoc/>
    public override string Kind => "Distribution chart";

    private string BoxLabel => BoxLegendLabel ?? (Whiskers == WhiskerRule.Tukey
        ? "Median, IQR box, whiskers ≤ 1.5 IQR"
        : "Median, p25–p75 box, p05–p95 whiskers");

    private protected override void Validate()
    {
        if (Categories is null)
        {
            throw new ArgumentException("Categories must not be null.");
        }

        for (int i = 0; i < Categories.Count; i++)
        {
            var cat = Categories[i] ?? throw new ArgumentException($"Category {i} is null.");
            if (cat.Samples is null)
            {
                throw new ArgumentException($"Category {i} ('{cat.Name}'): Samples must not be null (use an empty list).");
            }

            if (cat.CiLow is double lo && cat.CiHigh is double hi && lo > hi)
            {
                throw new ArgumentException($"Category {i} ('{cat.Name}'): CiLow ({lo}) is greater than CiHigh ({hi}).");
            }
        }

        if (ViolinResolution < 8 || ViolinResolution > 1024)
        {
            throw new ArgumentException($"ViolinResolution must be between 8 and 1024 (got {ViolinResolution}).");
        }

        YRange?.Validate("Y");
    }

    private protected override string DefaultDescription()
    {
        string cats = Categories.Count == 0 ? "No data." : $"Categories: {NameList(Categories.Select(x => x.Name))}.";
        string what = (ShowViolin ? "Violins show sample densities; b" : "B") + $"oxes show {BoxLabel.ToLowerInvariant()}.";
        string mean = Categories.Any(x => x.Mean.HasValue) ? $" Diamonds show the {MeanLegendLabel.ToLowerInvariant()}." : "";
        return Describe($"{cats} {what}{mean} {AxesText(XLabel, YLabel)}".Trim());
    }

    private sealed record Summary(double[] Sorted, double Q1, double Median, double Q3, double WLow, double WHigh, double[] Outliers);

    private Summary? Summarize(DistributionCategory cat)
    {
        var s = Stats.SortedFinite(cat.Samples);
        if (s.Length == 0)
        {
            return null;
        }

        double q1 = Stats.Quantile(s, 0.25), med = Stats.Quantile(s, 0.5), q3 = Stats.Quantile(s, 0.75);
        if (Whiskers == WhiskerRule.Tukey)
        {
            double iqr = q3 - q1;
            double loFence = q1 - 1.5 * iqr, hiFence = q3 + 1.5 * iqr;
            double wlo = s.First(v => v >= loFence);
            double whi = s.Last(v => v <= hiFence);
            return new Summary(s, q1, med, q3, Math.Min(wlo, q1), Math.Max(whi, q3),
                s.Where(v => v < loFence || v > hiFence).ToArray());
        }

        return new Summary(s, q1, med, q3, Stats.Quantile(s, 0.05), Stats.Quantile(s, 0.95), []);
    }

    private protected override void Render(Canvas c)
    {
        var summaries = Categories.Select(Summarize).ToArray();
        bool anyMean = Categories.Any(x => x.Mean is double m && double.IsFinite(m));

        var items = new List<LegendItem>();
        if (ShowBox && summaries.Any(s => s is not null))
        {
            items.Add(new LegendItem(BoxLabel, SwatchKind.Box, "#BBBBBB", 1));
        }

        if (anyMean)
        {
            items.Add(new LegendItem(MeanLegendLabel, SwatchKind.MeanCi, "#111111"));
        }

        c.Legend(items);

        // Value axis extent: everything that is drawn.
        var ys = new Extent();
        for (int i = 0; i < Categories.Count; i++)
        {
            var s = summaries[i];
            if (s is not null)
            {
                if (ShowViolin)
                {
                    ys.Add(s.Sorted[0]);
                    ys.Add(s.Sorted[^1]);
                }

                ys.Add(s.WLow);
                ys.Add(s.WHigh);
                foreach (double o in s.Outliers)
                {
                    ys.Add(o);
                }
            }

            var cat = Categories[i];
            ys.Add(cat.Mean ?? double.NaN);
            ys.Add(cat.CiLow ?? double.NaN);
            ys.Add(cat.CiHigh ?? double.NaN);
        }

        double fs = c.SmallFs;
        double top = c.Top + fs * 0.5;

        // Category labels: horizontal on one or two lines when they fit in their slot, otherwise rotated by 35°.
        double slotGuess = (c.Width - 2 * c.Pad - 60) / Math.Max(1, Categories.Count) - 6;
        var lines = Categories.Select(x => CategoryLabels.Wrap(x.Name ?? "", fs, slotGuess)).ToArray();
        bool rotate = lines.Any(l => l is null);
        int lineCount = rotate || lines.Length == 0 ? 1 : lines.Max(l => l!.Length);
        double widest = Categories.Count == 0 ? 0 : Categories.Max(x => TextMetrics.Width(x.Name, fs));
        double maxLabel = Math.Min(widest, c.Height * 0.35);
        double labelBand = rotate ? maxLabel * Math.Sin(35 * Math.PI / 180) + fs : fs + (lineCount - 1) * fs * 1.15;
        double bottom = c.Pad + Canvas.TickLength + Axes.TickLabelGap + labelBand
                        + (string.IsNullOrWhiteSpace(XLabel) ? 0 : c.Fs * 1.2 + 6);
        double plotH = Math.Max(10, c.Height - top - bottom);
        TickSet yt = Axes.Resolve(ys, YRange, Axes.VerticalTarget(plotH));
        double left = Axes.LeftMargin(c, Axes.MaxLabelWidth(yt, fs), YLabel);
        if (rotate)
        {
            // The first rotated label extends left of its slot centre: keep it inside the chart.
            double reach = maxLabel * Math.Cos(35 * Math.PI / 180) - fs * 0.3;
            double slotEstimate = (c.Width - left - c.Pad) / Math.Max(1, Categories.Count);
            left = Math.Max(left, c.Pad + reach - slotEstimate / 2);
        }

        var plot = Axes.PlotRect(c, left, top, c.Pad, bottom);
        var sy = LinearScale.Of(yt, plot.Bottom, plot.Y);
        Axes.DrawYNumeric(c, plot, yt, sy);
        c.Line(plot.X, plot.Bottom, plot.Right, plot.Bottom, Canvas.AxisColor);
        Axes.DrawYLabel(c, plot, YLabel);

        double slot = plot.W / Math.Max(1, Categories.Count);
        var w = c.W;
        w.Start("g").A("class", "categories").Open();
        for (int i = 0; i < Categories.Count; i++)
        {
            double cx = plot.X + slot * (i + 0.5);
            c.Line(cx, plot.Bottom, cx, plot.Bottom + Canvas.TickLength, Canvas.AxisColor);
            string name = Categories[i].Name ?? "";
            double ly = plot.Bottom + Canvas.TickLength + Axes.TickLabelGap + fs * 0.8;
            if (rotate)
            {
                string shown = TextMetrics.Truncate(name, fs, maxLabel);
                c.Text(cx + fs * 0.3, ly, shown, "end", fs, Canvas.MutedText, rotate: -35, tooltip: name);
            }
            else
            {
                string[] wrapped = lines[i]!;
                for (int l = 0; l < wrapped.Length; l++)
                {
                    c.Text(cx, ly + l * fs * 1.15, wrapped[l], "middle", fs, Canvas.MutedText);
                }
            }
        }

        w.Close();
        if (!string.IsNullOrWhiteSpace(XLabel))
        {
            double y = plot.Bottom + Canvas.TickLength + Axes.TickLabelGap + labelBand + 6 + c.Fs * 0.95;
            c.Text(plot.CenterX, y, XLabel.Trim(), "middle");
        }

        w.Start("g").A("class", "distributions").Open();
        for (int i = 0; i < Categories.Count; i++)
        {
            double cx = plot.X + slot * (i + 0.5);
            string color = c.Color(i);
            var s = summaries[i];
            double boxHalf = Math.Min(ShowViolin ? slot * 0.09 : slot * 0.2, 40);
            if (s is not null && ShowViolin)
            {
                Violin(c, s.Sorted, cx, Math.Min(slot * 0.42, 120), sy, color);
            }

            if (s is not null && ShowBox)
            {
                Box(c, s, cx, boxHalf, sy, color);
            }

            var cat = Categories[i];
            if (cat.Mean is double m && double.IsFinite(m))
            {
                double mx = s is not null && ShowBox ? cx + boxHalf + Math.Max(7, slot * 0.06) : cx;
                if (cat.CiLow is double lo && cat.CiHigh is double hi && double.IsFinite(lo) && double.IsFinite(hi))
                {
                    double y0 = sy.MapClamped(lo), y1 = sy.MapClamped(hi);
                    c.Line(mx, y0, mx, y1, "#111111", 1.5);
                    c.Line(mx - 3, y0, mx + 3, y0, "#111111", 1.5);
                    c.Line(mx - 3, y1, mx + 3, y1, "#111111", 1.5);
                }

                c.Diamond(mx, sy.MapClamped(m), 4.5, "#111111", "#FFFFFF");
            }
        }

        w.Close();
    }

    private static void Box(Canvas c, Summary s, double cx, double half, LinearScale sy, string color)
    {
        const string Ink = "#333333";
        double yq1 = sy.MapClamped(s.Q1), yq3 = sy.MapClamped(s.Q3);
        double ylo = sy.MapClamped(s.WLow), yhi = sy.MapClamped(s.WHigh);
        double cap = half * 0.5;
        c.Line(cx, yq1, cx, ylo, Ink);
        c.Line(cx, yq3, cx, yhi, Ink);
        c.Line(cx - cap, ylo, cx + cap, ylo, Ink);
        c.Line(cx - cap, yhi, cx + cap, yhi, Ink);
        c.Rect(cx - half, yq3, 2 * half, Math.Max(yq1 - yq3, 1), color, 0.55, Ink);
        double ym = sy.MapClamped(s.Median);
        c.Line(cx - half, ym, cx + half, ym, "#111111", 2.5);
        foreach (double o in s.Outliers)
        {
            c.Circle(cx, sy.MapClamped(o), 2, "none", 1, Ink);
        }
    }

    private void Violin(Canvas c, double[] sorted, double cx, double maxHalf, LinearScale sy, string color)
    {
        double h = Stats.SilvermanBandwidth(sorted);
        double lo = sorted[0], hi = sorted[^1];
        if (!(h > 0) || !(hi > lo))
        {
            return; // constant data or a single sample: no density to show
        }

        int n = ViolinResolution;
        var grid = new double[n];
        for (int k = 0; k < n; k++)
        {
            grid[k] = lo + (hi - lo) * k / (n - 1);
        }

        double[] dens = Stats.GaussianKde(sorted, h, grid);
        double peak = dens.Max();
        if (!(peak > 0))
        {
            return;
        }

        var d = new PathData();
        for (int k = 0; k < n; k++)
        {
            double x = cx + dens[k] / peak * maxHalf, y = sy.MapClamped(grid[k]);
            if (k == 0)
            {
                d.M(x, y);
            }
            else
            {
                d.L(x, y);
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            d.L(cx - dens[k] / peak * maxHalf, sy.MapClamped(grid[k]));
        }

        d.Z();
        c.W.Start("path").A("d", d.ToString()).A("fill", color).Opacity("fill-opacity", 0.3)
            .A("stroke", color).A("stroke-width", 1).End();
    }
}
