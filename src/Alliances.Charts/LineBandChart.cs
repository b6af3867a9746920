using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>
/// One series of a <see cref="LineBandChart"/>: the median line and optional inner (e.g. p25–p75)
/// and outer (e.g. p05–p95) bands. All lists are parallel to <see cref="X"/>.
/// Points with a non-finite value are skipped (the line and band are interrupted there).
/// </summary>
public sealed record LineBandSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Median)
{
    /// <summary>Lower edge of the inner band (p25), or null.</summary>
    public IReadOnlyList<double>? InnerLow { get; init; }

    /// <summary>Upper edge of the inner band (p75), or null.</summary>
    public IReadOnlyList<double>? InnerHigh { get; init; }

    /// <summary>Lower edge of the outer band (p05), or null.</summary>
    public IReadOnlyList<double>? OuterLow { get; init; }

    /// <summary>Upper edge of the outer band (p95), or null.</summary>
    public IReadOnlyList<double>? OuterHigh { get; init; }

    internal bool HasInner => InnerLow is not null;

    internal bool HasOuter => OuterLow is not null;

    internal void Validate(int index)
    {
        string who = $"Series {index} ('{Name}')";
        if (X is null || Median is null)
        {
            throw new ArgumentException($"{who}: X and Median must not be null.");
        }

        if (X.Count != Median.Count)
        {
            throw new ArgumentException($"{who}: X has {X.Count} values but Median has {Median.Count}.");
        }

        CheckBand(who, "Inner", InnerLow, InnerHigh, X.Count);
        CheckBand(who, "Outer", OuterLow, OuterHigh, X.Count);
    }

    private static void CheckBand(string who, string band, IReadOnlyList<double>? lo, IReadOnlyList<double>? hi, int n)
    {
        if ((lo is null) != (hi is null))
        {
            throw new ArgumentException($"{who}: {band}Low and {band}High must be given together.");
        }

        if (lo is not null && (lo.Count != n || hi!.Count != n))
        {
            throw new ArgumentException(
                $"{who}: {band}Low/{band}High have {lo.Count}/{hi!.Count} values but X has {n}.");
        }
    }
}

/// <summary>
/// Time-series chart: per series a median line with an inner (50 %) and outer (90 %) semi-transparent
/// band. Series are coloured in order from the palette.
/// </summary>
public sealed record LineBandChart : Chart
{
    /// <summary>The series, drawn in order (colours follow the palette).</summary>
    public required IReadOnlyList<LineBandSeries> Series { get; init; }

    /// <summary>Horizontal axis label (e.g. "Month").</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Vertical axis label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Legend text of the inner band.</summary>
    public string InnerBandLabel { get; init; } = "50 % interval (p25–p75)";

    /// <summary>Legend text of the outer band.</summary>
    public string OuterBandLabel { get; init; } = "90 % interval (p05–p95)";

    /// <summary>Fill opacity of the inner band.</summary>
    public double InnerBandOpacity { get; init; } = 0.28;

    /// <summary>Fill opacity of the outer band.</summary>
    public double OuterBandOpacity { get; init; } = 0.12;

    /// <summary>Fixed x range (default: nice range around the data).</summary>
    public AxisRange? XRange { get; init; }

    /// <summary>Fixed y range (default: nice range around the data and bands).</summary>
    public AxisRange? YRange { get; init; }

    /// <summary>Whether the y axis must include 0.</summary>
    public bool YIncludeZero { get; init; }

    /// <inheritdoc/>
    public override string Kind => "Line chart with uncertainty bands";

    private protected override void Validate()
    {
        if (Series is null)
        {
            throw new ArgumentException("Series must not be null.");
        }

        for (int i = 0; i < Series.Count; i++)
        {
            if (Series[i] is null)
            {
                throw new ArgumentException($"Series {i} is null.");
            }

            Series[i].Validate(i);
        }

        XRange?.Validate("X");
        YRange?.Validate("Y");
    }

    private protected override string DefaultDescription()
    {
        string series = Series.Count == 0 ? "No data." : $"Series: {NameList(Series.Select(s => s.Name))}.";
        string bands = Series.Any(s => s.HasInner || s.HasOuter)
            ? " Lines show medians; shaded bands show the " +
              string.Join(" and ", new[] { Series.Any(s => s.HasInner) ? InnerBandLabel : null, Series.Any(s => s.HasOuter) ? OuterBandLabel : null }.Where(x => x is not null)) + "."
            : "";
        return Describe($"{series}{bands} {AxesText(XLabel, YLabel)}".Trim());
    }

    private protected override void Render(Canvas c)
    {
        // Legend: one entry per series, then the band meaning.
        var items = new List<LegendItem>();
        bool anyBand = false;
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            anyBand |= s.HasInner || s.HasOuter;
            items.Add(new LegendItem(s.Name, s.HasInner || s.HasOuter ? SwatchKind.BandLine : SwatchKind.Line, c.Color(i)));
        }

        if (Series.Any(s => s.HasInner))
        {
            items.Add(new LegendItem(InnerBandLabel, SwatchKind.Band, "#555555", InnerBandOpacity + OuterBandOpacity));
        }

        if (Series.Any(s => s.HasOuter))
        {
            items.Add(new LegendItem(OuterBandLabel, SwatchKind.Band, "#555555", OuterBandOpacity));
        }

        if (Series.Count > 1 || anyBand)
        {
            c.Legend(items);
        }

        // Axes.
        var xs = new Extent();
        var ys = new Extent();
        foreach (var s in Series)
        {
            xs.AddRange(s.X);
            ys.AddRange(s.Median);
            ys.AddRange(s.InnerLow);
            ys.AddRange(s.InnerHigh);
            ys.AddRange(s.OuterLow);
            ys.AddRange(s.OuterHigh);
        }

        double top = c.Top + c.SmallFs * 0.5;
        double bottom = Axes.BottomMargin(c, XLabel);
        double plotH = Math.Max(10, c.Height - top - bottom);
        TickSet yt = Axes.Resolve(ys, YRange, Axes.VerticalTarget(plotH), YIncludeZero);
        double left = Axes.LeftMargin(c, Axes.MaxLabelWidth(yt, c.SmallFs), YLabel);
        double right = c.Pad;
        TickSet xt = Axes.ResolveHorizontal(xs, XRange, c.Width - left - right, c.SmallFs);
        right = Math.Max(c.Pad, TextMetrics.Width(xt.Labels.LastOrDefault(), c.SmallFs) / 2 + 2);
        var plot = Axes.PlotRect(c, left, top, right, bottom);
        var (sx, sy) = Axes.DrawNumericFrame(c, plot, xt, yt, XLabel, YLabel);

        string clip = c.DefineClip(plot);
        var w = c.W;
        w.Start("g").A("class", "series").A("clip-path", $"url(#{clip})").Open();
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            if (s.HasOuter)
            {
                Band(c, s.X, s.OuterLow!, s.OuterHigh!, sx, sy, c.Color(i), OuterBandOpacity);
            }
        }

        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            if (s.HasInner)
            {
                Band(c, s.X, s.InnerLow!, s.InnerHigh!, sx, sy, c.Color(i), InnerBandOpacity);
            }
        }

        for (int i = 0; i < Series.Count; i++)
        {
            MedianLine(c, Series[i], sx, sy, c.Color(i));
        }

        w.Close();
    }

    private static void Band(Canvas c, IReadOnlyList<double> x, IReadOnlyList<double> lo, IReadOnlyList<double> hi,
                             LinearScale sx, LinearScale sy, string color, double opacity)
    {
        var d = new PathData();
        foreach (var (start, end) in Runs(x.Count, k => double.IsFinite(x[k]) && double.IsFinite(lo[k]) && double.IsFinite(hi[k])))
        {
            if (start == end)
            {
                // Isolated point: show its interval as a narrow bar.
                double px = sx.Map(x[start]), top = sy.Map(hi[start]), bottom = sy.Map(lo[start]);
                c.Rect(px - 3, Math.Min(top, bottom), 6, Math.Abs(bottom - top), color, opacity);
                continue;
            }

            d.M(sx.Map(x[start]), sy.Map(hi[start]));
            for (int k = start + 1; k <= end; k++)
            {
                d.L(sx.Map(x[k]), sy.Map(hi[k]));
            }

            for (int k = end; k >= start; k--)
            {
                d.L(sx.Map(x[k]), sy.Map(lo[k]));
            }

            d.Z();
        }

        if (!d.IsEmpty)
        {
            c.W.Start("path").A("d", d.ToString()).A("fill", color).Opacity("fill-opacity", opacity).A("stroke", "none").End();
        }
    }

    private static void MedianLine(Canvas c, LineBandSeries s, LinearScale sx, LinearScale sy, string color)
    {
        var d = new PathData();
        foreach (var (start, end) in Runs(s.X.Count, k => double.IsFinite(s.X[k]) && double.IsFinite(s.Median[k])))
        {
            if (start == end)
            {
                // Isolated point: draw a dot so that it stays visible.
                c.Circle(sx.Map(s.X[start]), sy.Map(s.Median[start]), 2.5, color);
                continue;
            }

            d.M(sx.Map(s.X[start]), sy.Map(s.Median[start]));
            for (int k = start + 1; k <= end; k++)
            {
                d.L(sx.Map(s.X[k]), sy.Map(s.Median[k]));
            }
        }

        if (!d.IsEmpty)
        {
            c.W.Start("path").A("d", d.ToString()).A("fill", "none").A("stroke", color).A("stroke-width", 2)
                .A("stroke-linejoin", "round").A("stroke-linecap", "round").End();
        }
    }

    /// <summary>Maximal runs [start, end] of consecutive indices satisfying <paramref name="ok"/>.</summary>
    private static IEnumerable<(int Start, int End)> Runs(int n, Func<int, bool> ok)
    {
        int start = -1;
        for (int k = 0; k < n; k++)
        {
            if (ok(k))
            {
                if (start < 0)
                {
                    start = k;
                }
            }
            else if (start >= 0)
            {
                yield return (start, k - 1);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, n - 1);
        }
    }
}
