using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>
/// Matrix heatmap (e.g. territory × month) with a sequential colour-blind-safe scale and a colour
/// legend bar. <see cref="Values"/> is indexed [row][column]; non-finite cells are drawn in
/// <see cref="MissingColor"/>. When labels do not fit, only every k-th column (row) label is shown.
/// </summary>
public sealed record HeatmapChart : Chart
{
    /// <summary>Row labels, top to bottom.</summary>
    public required IReadOnlyList<string> RowLabels { get; init; }

    /// <summary>Column labels, left to right.</summary>
    public required IReadOnlyList<string> ColumnLabels { get; init; }

    /// <summary>Cell values [row][column]; must be rectangular and match the label counts.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Values { get; init; }

    /// <summary>Label under the column axis.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Label of the row axis.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Title of the colour legend bar (e.g. units).</summary>
    public string ColorLabel { get; init; } = "";

    /// <summary>Colour scale (default viridis).</summary>
    public SequentialColorScale ColorScale { get; init; } = SequentialColorScale.Viridis;

    /// <summary>Fixed colour domain; values outside are clamped. Default: data min..max.</summary>
    public AxisRange? ColorRange { get; init; }

    /// <summary>Show every k-th column label (null: automatic, from label widths).</summary>
    public int? ColumnLabelEvery { get; init; }

    /// <summary>Fill of non-finite cells.</summary>
    public string MissingColor { get; init; } = "#D9D9D9";

    /// <summary>Add a hover tooltip (&lt;title&gt;) to each cell.</summary>
    public bool CellTooltips { get; init; } = true;

    /// <inheritdoc/>
    public override string Kind => "Heatmap";

    private protected override void Validate()
    {
        if (RowLabels is null || ColumnLabels is null || Values is null)
        {
            throw new ArgumentException("RowLabels, ColumnLabels and Values must not be null.");
        }

        if (Values.Count != RowLabels.Count)
        {
            throw new ArgumentException($"Values has {Values.Count} rows but RowLabels has {RowLabels.Count}.");
        }

        for (int r = 0; r < Values.Count; r++)
        {
            if (Values[r] is null || Values[r].Count != ColumnLabels.Count)
            {
                throw new ArgumentException(
                    $"Values row {r} has {Values[r]?.Count ?? 0} columns but ColumnLabels has {ColumnLabels.Count}.");
            }
        }

        if (ColumnLabelEvery is int k && k < 1)
        {
            throw new ArgumentException($"ColumnLabelEvery must be ≥ 1 (got {k}).");
        }

        if (ColorScale is null)
        {
            throw new ArgumentException("ColorScale must not be null.");
        }

        ColorRange?.Validate("Color");
    }

    private protected override string DefaultDescription()
    {
        var e = new Extent();
        foreach (var row in Values)
        {
            e.AddRange(row);
        }

        string range = e.IsEmpty ? "No finite values." : $"Values range from {Num.Compact(e.Min)} to {Num.Compact(e.Max)}.";
        string color = string.IsNullOrWhiteSpace(ColorLabel) ? "" : $" Colour: {ColorLabel.Trim()}.";
        return Describe($"{RowLabels.Count} rows × {ColumnLabels.Count} columns. {range}{color} {AxesText(XLabel, YLabel)}".Trim());
    }

    private static readonly int[] Steps = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 24, 25, 30, 50, 60, 100, 120, 200, 240, 250, 500, 1000];

    private static int EveryK(double neededPx, double cellPx)
    {
        foreach (int k in Steps)
        {
            if (k * cellPx >= neededPx)
            {
                return k;
            }
        }

        return (int)Math.Ceiling(neededPx / Math.Max(cellPx, 1e-6));
    }

    private protected override void Render(Canvas c)
    {
        int nr = RowLabels.Count, nc = ColumnLabels.Count;
        double fs = c.SmallFs;

        var e = new Extent();
        foreach (var row in Values)
        {
            e.AddRange(row);
        }

        TickSet ct;
        if (ColorRange is AxisRange cr)
        {
            ct = NiceTicks.Inside(cr.Min, cr.Max, 5);
        }
        else
        {
            var (lo, hi) = e.IsEmpty ? (0.0, 1.0) : NiceTicks.Sanitize(e.Min, e.Max);
            ct = NiceTicks.Inside(lo, hi, 5);
        }

        // Right-hand colour bar: bar + tick labels + rotated legend title.
        const double barW = 14;
        double right = c.Pad + barW + Canvas.TickLength + Axes.TickLabelGap + Axes.MaxLabelWidth(ct, fs) + 12
                       + (string.IsNullOrWhiteSpace(ColorLabel) ? 0 : c.Fs * 1.2 + 4);
        double rowLabelW = nr == 0 ? 0 : Math.Min(RowLabels.Max(l => TextMetrics.Width(l, fs)), c.Width * 0.3);
        double left = c.Pad + (string.IsNullOrWhiteSpace(YLabel) ? 0 : c.Fs * 1.2 + 6) + rowLabelW + 6;
        double top = c.Top + 4;
        double bottom = Axes.BottomMargin(c, XLabel);
        var plot = Axes.PlotRect(c, left, top, right, bottom);
        double cw = plot.W / Math.Max(1, nc), ch = plot.H / Math.Max(1, nr);

        // Cells.
        var w = c.W;
        double span = ct.Max - ct.Min;
        w.Start("g").A("class", "cells").A("shape-rendering", "crispEdges").Open();
        for (int r = 0; r < nr; r++)
        {
            for (int k = 0; k < nc; k++)
            {
                double v = Values[r][k];
                string fill = double.IsFinite(v) ? ColorScale.ColorAt((v - ct.Min) / span) : MissingColor;
                // Overlap by a hair to avoid seams between adjacent cells.
                w.Start("rect").A("x", plot.X + k * cw).A("y", plot.Y + r * ch)
                    .A("width", cw + 0.3).A("height", ch + 0.3).A("fill", fill);
                if (CellTooltips)
                {
                    w.WithTitle($"{RowLabels[r]} · {ColumnLabels[k]}: {(double.IsFinite(v) ? Num.Compact(v) : "n/a")}");
                }
                else
                {
                    w.End();
                }
            }
        }

        w.Close();
        c.Rect(plot.X, plot.Y, plot.W, plot.H, "none", 1, Canvas.AxisColor, 0.8);

        // Row labels (thinned when rows are shorter than the text).
        int rowEvery = EveryK(fs * 1.1, ch);
        w.Start("g").A("class", "row-labels").Open();
        for (int r = 0; r < nr; r += rowEvery)
        {
            string label = RowLabels[r] ?? "";
            string shown = TextMetrics.Truncate(label, fs, rowLabelW);
            c.Text(plot.X - 6, plot.Y + (r + 0.5) * ch + fs * 0.35, shown, "end", fs, Canvas.MutedText, tooltip: label);
        }

        w.Close();

        // Column labels: every k-th, k chosen so that labels do not overlap.
        double widest = nc == 0 ? 0 : ColumnLabels.Max(l => TextMetrics.Width(l, fs));
        int every = ColumnLabelEvery ?? EveryK(widest + 8, cw);
        w.Start("g").A("class", "column-labels").Open();
        for (int k = 0; k < nc; k += every)
        {
            double x = plot.X + (k + 0.5) * cw;
            c.Line(x, plot.Bottom, x, plot.Bottom + Canvas.TickLength, Canvas.AxisColor);
            c.Text(x, plot.Bottom + Canvas.TickLength + Axes.TickLabelGap + fs * 0.8, ColumnLabels[k] ?? "", "middle", fs, Canvas.MutedText);
        }

        w.Close();
        Axes.DrawXLabel(c, plot, XLabel);
        Axes.DrawYLabel(c, plot, YLabel);
        ColorBar(c, plot, ct, barW);
    }

    private void ColorBar(Canvas c, Rect plot, TickSet ct, double barW)
    {
        var w = c.W;
        string id = $"{c.Id}-gradient";
        w.Start("defs").Open();
        w.Start("linearGradient").A("id", id).A("x1", "0").A("y1", "1").A("x2", "0").A("y2", "0").Open();
        const int stops = 16;
        for (int i = 0; i <= stops; i++)
        {
            double t = (double)i / stops;
            w.Start("stop").A("offset", Num.Unit(t)).A("stop-color", ColorScale.ColorAt(t)).End();
        }

        w.Close();
        w.Close();

        double x = plot.Right + 12;
        double h = plot.H;
        double y0 = plot.Y, y1 = plot.Y + h;
        var s = new LinearScale(ct.Min, ct.Max, y1, y0);
        w.Start("g").A("class", "color-legend").Open();
        w.Start("rect").A("x", x).A("y", y0).A("width", barW).A("height", h).A("fill", $"url(#{id})")
            .A("stroke", Canvas.AxisColor).A("stroke-width", 0.8).End();
        double fs = c.SmallFs;
        double labelsRight = x + barW;
        for (int i = 0; i < ct.Values.Count; i++)
        {
            double y = s.Map(ct.Values[i]);
            c.Line(x + barW, y, x + barW + Canvas.TickLength, y, Canvas.AxisColor);
            double lx = x + barW + Canvas.TickLength + Axes.TickLabelGap;
            c.Text(lx, y + fs * 0.35, ct.Labels[i], size: fs, fill: Canvas.MutedText);
            labelsRight = Math.Max(labelsRight, lx + TextMetrics.Width(ct.Labels[i], fs));
        }

        if (!string.IsNullOrWhiteSpace(ColorLabel))
        {
            string text = TextMetrics.Truncate(ColorLabel.Trim(), c.Fs, h);
            double lx = Math.Min(labelsRight + 6 + c.Fs * 0.8, c.Width - c.Pad - 2);
            c.Text(lx, (y0 + y1) / 2, text, "middle", rotate: -90, tooltip: ColorLabel);
        }

        w.Close();
    }
}
