namespace Alliances.Charts.Internal;

/// <summary>Maps a numeric domain linearly onto a pixel range (ranges may be inverted, e.g. for y).</summary>
internal readonly record struct LinearScale(double D0, double D1, double R0, double R1)
{
    public static LinearScale Of(TickSet t, double r0, double r1) => new(t.Min, t.Max, r0, r1);

    public double Map(double v) => D1 == D0 ? (R0 + R1) / 2 : R0 + (v - D0) / (D1 - D0) * (R1 - R0);

    /// <summary>Maps and clamps to the range (used for values that may fall outside a fixed domain).</summary>
    public double MapClamped(double v)
    {
        double p = Map(v);
        return Math.Clamp(p, Math.Min(R0, R1), Math.Max(R0, R1));
    }
}

/// <summary>Finite extent accumulator; non-finite values are ignored.</summary>
internal sealed class Extent
{
    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public bool IsEmpty => Min > Max;

    public void Add(double v)
    {
        if (!double.IsFinite(v))
        {
            return;
        }

        if (v < Min)
        {
            Min = v;
        }

        if (v > Max)
        {
            Max = v;
        }
    }

    public void AddRange(IEnumerable<double>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (double v in values)
        {
            Add(v);
        }
    }
}

/// <summary>Numeric axis computation and drawing shared by the chart types.</summary>
internal static class Axes
{
    public static double TickLabelGap => 4;

    /// <summary>Ticks for an axis of <paramref name="lengthPx"/> px from data extents, or inside a fixed range.</summary>
    public static TickSet Resolve(Extent data, AxisRange? fixedRange, int target, bool includeZero = false)
    {
        if (fixedRange is AxisRange r)
        {
            return NiceTicks.Inside(r.Min, r.Max, target);
        }

        double min = data.IsEmpty ? 0 : data.Min;
        double max = data.IsEmpty ? 1 : data.Max;
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }

        return NiceTicks.Loose(min, max, target);
    }

    public static int VerticalTarget(double heightPx) => Math.Clamp((int)Math.Round(heightPx / 60) + 1, 2, 10);

    /// <summary>Horizontal ticks: the largest count (≤ what the width allows) whose labels do not overlap.</summary>
    public static TickSet ResolveHorizontal(Extent data, AxisRange? fixedRange, double widthPx, double fs,
                                            bool includeZero = false)
    {
        int target = Math.Clamp((int)Math.Round(widthPx / 80) + 1, 2, 12);
        while (true)
        {
            TickSet t = Resolve(data, fixedRange, target, includeZero);
            double spacing = t.Values.Count < 2 ? widthPx : widthPx * t.Step / (t.Max - t.Min);
            double widest = MaxLabelWidth(t, fs);
            if (widest + 10 <= spacing || target <= 2)
            {
                return t;
            }

            target--;
        }
    }

    public static double MaxLabelWidth(TickSet t, double fs) =>
        t.Labels.Count == 0 ? 0 : t.Labels.Max(l => TextMetrics.Width(l, fs));

    /// <summary>Space needed left of the plot for y tick labels and the rotated y label.</summary>
    public static double LeftMargin(Canvas c, double tickLabelWidth, string? yLabel) =>
        c.Pad + (string.IsNullOrWhiteSpace(yLabel) ? 0 : c.Fs * 1.2 + 6) + tickLabelWidth + Canvas.TickLength + TickLabelGap;

    /// <summary>Space needed below the plot for x tick labels and the x label.</summary>
    public static double BottomMargin(Canvas c, string? xLabel, bool tickLabels = true) =>
        c.Pad + (tickLabels ? Canvas.TickLength + TickLabelGap + c.SmallFs : 0)
              + (string.IsNullOrWhiteSpace(xLabel) ? 0 : c.Fs * 1.2 + 6);

    public static void DrawYNumeric(Canvas c, Rect plot, TickSet t, LinearScale s, bool grid = true)
    {
        var ys = t.Values.Select(s.Map).ToArray();
        c.W.Start("g").A("class", "y-axis").Open();
        if (grid)
        {
            c.OpenStrokeGroup(Canvas.GridColor);
            foreach (double y in ys.Where(y => Math.Abs(y - plot.Bottom) > 0.5))
            {
                c.BareLine(plot.X, y, plot.Right, y);
            }

            c.W.Close();
        }

        c.OpenStrokeGroup(Canvas.AxisColor);
        foreach (double y in ys)
        {
            c.BareLine(plot.X - Canvas.TickLength, y, plot.X, y);
        }

        c.BareLine(plot.X, plot.Y, plot.X, plot.Bottom);
        c.W.Close();
        c.OpenTextGroup(c.SmallFs, Canvas.MutedText, "end");
        for (int i = 0; i < ys.Length; i++)
        {
            c.BareText(plot.X - Canvas.TickLength - TickLabelGap, ys[i] + c.SmallFs * 0.35, t.Labels[i]);
        }

        c.W.Close();
        c.W.Close();
    }

    public static void DrawXNumeric(Canvas c, Rect plot, TickSet t, LinearScale s, bool grid = true, bool axisLine = true)
    {
        var xs = t.Values.Select(s.Map).ToArray();
        c.W.Start("g").A("class", "x-axis").Open();
        if (grid)
        {
            c.OpenStrokeGroup(Canvas.GridColor);
            foreach (double x in xs.Where(x => Math.Abs(x - plot.X) > 0.5))
            {
                c.BareLine(x, plot.Y, x, plot.Bottom);
            }

            c.W.Close();
        }

        c.OpenStrokeGroup(Canvas.AxisColor);
        foreach (double x in xs)
        {
            c.BareLine(x, plot.Bottom, x, plot.Bottom + Canvas.TickLength);
        }

        if (axisLine)
        {
            c.BareLine(plot.X, plot.Bottom, plot.Right, plot.Bottom);
        }

        c.W.Close();
        c.OpenTextGroup(c.SmallFs, Canvas.MutedText, "middle");
        for (int i = 0; i < xs.Length; i++)
        {
            c.BareText(xs[i], plot.Bottom + Canvas.TickLength + TickLabelGap + c.SmallFs * 0.8, t.Labels[i]);
        }

        c.W.Close();
        c.W.Close();
    }

    public static void DrawXLabel(Canvas c, Rect plot, string? label, bool tickLabels = true)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return;
        }

        double y = plot.Bottom + (tickLabels ? Canvas.TickLength + TickLabelGap + c.SmallFs : 0) + 6 + c.Fs * 0.95;
        string text = TextMetrics.Truncate(label.Trim(), c.Fs, c.Width - 2 * c.Pad);
        double x = Math.Clamp(plot.CenterX, c.Pad + TextMetrics.Width(text, c.Fs) / 2, c.Width - c.Pad - TextMetrics.Width(text, c.Fs) / 2);
        c.Text(x, y, text, "middle", tooltip: label);
    }

    public static void DrawYLabel(Canvas c, Rect plot, string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return;
        }

        string text = TextMetrics.Truncate(label.Trim(), c.Fs, Math.Max(plot.H, 40));
        c.Text(c.Pad + c.Fs * 0.85, plot.CenterY, text, "middle", rotate: -90, tooltip: label);
    }

    /// <summary>Returns the plot rectangle, guaranteeing a minimal size even for tiny charts.</summary>
    /// <summary>Scales of a numeric x/y plot, with both axes and both axis labels drawn.</summary>
    public static (LinearScale X, LinearScale Y) DrawNumericFrame(Canvas c, Rect plot, TickSet xt, TickSet yt, string? xLabel, string? yLabel)
    {
        var sx = LinearScale.Of(xt, plot.X, plot.Right);
        var sy = LinearScale.Of(yt, plot.Bottom, plot.Y);
        DrawYNumeric(c, plot, yt, sy);
        DrawXNumeric(c, plot, xt, sx);
        DrawXLabel(c, plot, xLabel);
        DrawYLabel(c, plot, yLabel);
        return (sx, sy);
    }

    public static Rect PlotRect(Canvas c, double left, double top, double right, double bottom)
    {
        double w = Math.Max(10, c.Width - left - right);
        double h = Math.Max(10, c.Height - top - bottom);
        return new Rect(left, top, w, h);
    }
}
