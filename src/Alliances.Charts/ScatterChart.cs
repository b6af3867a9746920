using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>Group mean with confidence intervals on both axes, drawn as a cross.</summary>
public sealed record CiCross(double MeanX, double XLow, double XHigh, double MeanY, double YLow, double YHigh);

/// <summary>
/// One group of a <see cref="ScatterChart"/>. <see cref="X"/>, <see cref="Y"/> and the optional
/// <see cref="Labels"/> are parallel; points with a non-finite coordinate are skipped.
/// </summary>
public sealed record ScatterGroup(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Optional text drawn next to each point (null entries are not drawn).</summary>
    public IReadOnlyList<string?>? Labels { get; init; }

    /// <summary>Optional mean ± CI cross for the group.</summary>
    public CiCross? Cross { get; init; }
}

/// <summary>
/// Scatter plot: small semi-transparent dots, one colour per group; optional CI crosses, optional
/// connected-line mode (e.g. a PRIM peeling trajectory, coverage vs density) and point labels.
/// </summary>
public sealed record ScatterChart : Chart
{
    /// <summary>Groups, in palette order.</summary>
    public required IReadOnlyList<ScatterGroup> Groups { get; init; }

    /// <summary>Horizontal axis label.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Vertical axis label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Join the points of each group by a line, in the given order.</summary>
    public bool ConnectPoints { get; init; }

    /// <summary>Dot radius in px.</summary>
    public double PointRadius { get; init; } = 3;

    /// <summary>Dot fill opacity (dots are opaque-ish in connected mode).</summary>
    public double PointOpacity { get; init; } = 0.55;

    /// <summary>Legend text for the CI crosses.</summary>
    public string CrossLegendLabel { get; init; } = "Mean ± 95 % CI";

    /// <summary>Fixed x range.</summary>
    public AxisRange? XRange { get; init; }

    /// <summary>Fixed y range.</summary>
    public AxisRange? YRange { get; init; }

    /// <inheritdoc/>
    public override string Kind => ConnectPoints ? "Connected scatter plot" : "Scatter plot";

    private protected override void Validate()
    {
        if (Groups is null)
        {
            throw new ArgumentException("Groups must not be null.");
        }

        for (int i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i] ?? throw new ArgumentException($"Group {i} is null.");
            string who = $"Group {i} ('{g.Name}')";
            if (g.X is null || g.Y is null)
            {
                throw new ArgumentException($"{who}: X and Y must not be null.");
            }

            if (g.X.Count != g.Y.Count)
            {
                throw new ArgumentException($"{who}: X has {g.X.Count} values but Y has {g.Y.Count}.");
            }

            if (g.Labels is not null && g.Labels.Count != g.X.Count)
            {
                throw new ArgumentException($"{who}: Labels has {g.Labels.Count} entries but X has {g.X.Count}.");
            }

            if (g.Cross is CiCross k && (k.XLow > k.XHigh || k.YLow > k.YHigh))
            {
                throw new ArgumentException($"{who}: CI cross has a low bound above its high bound.");
            }
        }

        if (!(PointRadius > 0) || !double.IsFinite(PointRadius))
        {
            throw new ArgumentException($"PointRadius must be positive (got {PointRadius}).");
        }

        XRange?.Validate("X");
        YRange?.Validate("Y");
    }

    private protected override string DefaultDescription()
    {
        int n = Groups.Sum(g => Enumerable.Range(0, g.X.Count).Count(k => double.IsFinite(g.X[k]) && double.IsFinite(g.Y[k])));
        string groups = Groups.Count == 0 ? "No data." : $"{n} points in {Groups.Count} group(s): {NameList(Groups.Select(g => g.Name))}.";
        string cross = Groups.Any(g => g.Cross is not null) ? $" Crosses show the {CrossLegendLabel}." : "";
        return Describe($"{groups}{cross} {AxesText(XLabel, YLabel)}".Trim());
    }

    private protected override void Render(Canvas c)
    {
        var items = new List<LegendItem>();
        for (int i = 0; i < Groups.Count; i++)
        {
            items.Add(new LegendItem(Groups[i].Name, ConnectPoints ? SwatchKind.Line : SwatchKind.Dot, c.Color(i)));
        }

        if (Groups.Any(g => g.Cross is not null))
        {
            items.Add(new LegendItem(CrossLegendLabel, SwatchKind.Cross, "#333333"));
        }

        if (Groups.Count > 1 || Groups.Any(g => g.Cross is not null))
        {
            c.Legend(items);
        }

        var xs = new Extent();
        var ys = new Extent();
        foreach (var g in Groups)
        {
            for (int k = 0; k < g.X.Count; k++)
            {
                if (double.IsFinite(g.X[k]) && double.IsFinite(g.Y[k]))
                {
                    xs.Add(g.X[k]);
                    ys.Add(g.Y[k]);
                }
            }

            if (g.Cross is CiCross cr)
            {
                xs.Add(cr.XLow);
                xs.Add(cr.XHigh);
                xs.Add(cr.MeanX);
                ys.Add(cr.YLow);
                ys.Add(cr.YHigh);
                ys.Add(cr.MeanY);
            }
        }

        double top = c.Top + c.SmallFs * 0.5;
        double bottom = Axes.BottomMargin(c, XLabel);
        double plotH = Math.Max(10, c.Height - top - bottom);
        TickSet yt = Axes.Resolve(ys, YRange, Axes.VerticalTarget(plotH));
        double left = Axes.LeftMargin(c, Axes.MaxLabelWidth(yt, c.SmallFs), YLabel);
        bool anyLabels = Groups.Any(g => g.Labels is not null);
        double right = c.Pad + (anyLabels ? 12 : 0);
        TickSet xt = Axes.ResolveHorizontal(xs, XRange, c.Width - left - right, c.SmallFs);
        right = Math.Max(right, TextMetrics.Width(xt.Labels.LastOrDefault(), c.SmallFs) / 2 + 2);
        var plot = Axes.PlotRect(c, left, top, right, bottom);
        var (sx, sy) = Axes.DrawNumericFrame(c, plot, xt, yt, XLabel, YLabel);

        string clip = c.DefineClip(plot);
        var w = c.W;
        w.Start("g").A("class", "points").A("clip-path", $"url(#{clip})").Open();
        for (int i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i];
            string color = c.Color(i);
            if (ConnectPoints)
            {
                var d = new PathData();
                bool first = true;
                for (int k = 0; k < g.X.Count; k++)
                {
                    if (!double.IsFinite(g.X[k]) || !double.IsFinite(g.Y[k]))
                    {
                        continue;
                    }

                    if (first)
                    {
                        d.M(sx.Map(g.X[k]), sy.Map(g.Y[k]));
                        first = false;
                    }
                    else
                    {
                        d.L(sx.Map(g.X[k]), sy.Map(g.Y[k]));
                    }
                }

                if (!d.IsEmpty)
                {
                    w.Start("path").A("d", d.ToString()).A("fill", "none").A("stroke", color).A("stroke-width", 1.5)
                        .A("stroke-linejoin", "round").End();
                }
            }

            w.Start("g").A("fill", color).Opacity("fill-opacity", ConnectPoints ? Math.Max(PointOpacity, 0.9) : PointOpacity).Open();
            for (int k = 0; k < g.X.Count; k++)
            {
                if (double.IsFinite(g.X[k]) && double.IsFinite(g.Y[k]))
                {
                    w.Start("circle").A("cx", sx.Map(g.X[k])).A("cy", sy.Map(g.Y[k])).A("r", PointRadius).End();
                }
            }

            w.Close();
        }

        for (int i = 0; i < Groups.Count; i++)
        {
            if (Groups[i].Cross is CiCross cr)
            {
                Cross(c, cr, sx, sy, c.Color(i));
            }
        }

        w.Close();

        if (anyLabels)
        {
            double fs = Math.Round(c.Fs * 0.8, 2);
            w.Start("g").A("class", "point-labels").A("font-size", fs).A("fill", Canvas.MutedText).Open();
            foreach (var g in Groups)
            {
                if (g.Labels is null)
                {
                    continue;
                }

                for (int k = 0; k < g.X.Count; k++)
                {
                    string? label = g.Labels[k];
                    if (string.IsNullOrEmpty(label) || !double.IsFinite(g.X[k]) || !double.IsFinite(g.Y[k]))
                    {
                        continue;
                    }

                    double px = sx.Map(g.X[k]) + PointRadius + 2, py = sy.Map(g.Y[k]) - PointRadius - 1;
                    bool flip = px + TextMetrics.Width(label, fs) > c.Width - 2;
                    w.Start("text").A("x", flip ? px - 2 * PointRadius - 4 : px).A("y", py)
                        .A("text-anchor", flip ? "end" : null).Text(label);
                }
            }

            w.Close();
        }
    }

    private static void Cross(Canvas c, CiCross k, LinearScale sx, LinearScale sy, string color)
    {
        double mx = sx.Map(k.MeanX), my = sy.Map(k.MeanY);
        bool hasX = double.IsFinite(k.XLow) && double.IsFinite(k.XHigh) && double.IsFinite(k.MeanY);
        bool hasY = double.IsFinite(k.YLow) && double.IsFinite(k.YHigh) && double.IsFinite(k.MeanX);
        var w = c.W;
        w.Start("g").A("class", "ci-cross").Open();
        foreach (var (stroke, width) in new[] { ("#FFFFFF", 5.0), (color, 2.5) })
        {
            if (hasX)
            {
                c.Line(sx.Map(k.XLow), my, sx.Map(k.XHigh), my, stroke, width);
            }

            if (hasY)
            {
                c.Line(mx, sy.Map(k.YLow), mx, sy.Map(k.YHigh), stroke, width);
            }
        }

        if (double.IsFinite(k.MeanX) && double.IsFinite(k.MeanY))
        {
            c.Circle(mx, my, 4.5, color, 1, "#222222", 1.2);
        }

        w.Close();
    }
}
