using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>One row of a <see cref="ForestPlot"/>: an estimate and its interval [Low, High].</summary>
public sealed record ForestRow(string Label, double Estimate, double Low, double High);

/// <summary>
/// Forest plot: one row per effect, the estimate as a square and the interval as a horizontal line,
/// a dashed vertical reference line (default at 0) and an optional right-hand column
/// "estimate [low, high]". Rows with a non-finite estimate show "n/a"; non-finite bounds omit the line.
/// </summary>
public sealed record ForestPlot : Chart
{
    /// <summary>Rows, top to bottom.</summary>
    public required IReadOnlyList<ForestRow> Rows { get; init; }

    /// <summary>Axis label under the estimates (e.g. "Effect on poverty rate (pp)").</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Position of the reference line; null for none.</summary>
    public double? ReferenceValue { get; init; } = 0;

    /// <summary>Show the formatted "estimate [low, high]" column on the right.</summary>
    public bool ShowValueColumn { get; init; } = true;

    /// <summary>Decimals of the value column.</summary>
    public int ValueDecimals { get; init; } = 2;

    /// <summary>Optional header of the value column (e.g. "Mean [95 % CI]").</summary>
    public string ValueColumnHeader { get; init; } = "";

    /// <summary>Colour of squares and intervals.</summary>
    public string MarkerColor { get; init; } = "#0072B2";

    /// <summary>Fixed x range.</summary>
    public AxisRange? XRange { get; init; }

    /// <inheritdoc/>
    public override string Kind => "Forest plot";

    private protected override void Validate()
    {
        if (Rows is null)
        {
            throw new ArgumentException("Rows must not be null.");
        }

        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i] ?? throw new ArgumentException($"Row {i} is null.");
            if (r.Low > r.High)
            {
                throw new ArgumentException($"Row {i} ('{r.Label}'): Low ({r.Low}) is greater than High ({r.High}).");
            }
        }

        if (ValueDecimals is < 0 or > 10)
        {
            throw new ArgumentException($"ValueDecimals must be between 0 and 10 (got {ValueDecimals}).");
        }

        XRange?.Validate("X");
    }

    private protected override string DefaultDescription()
    {
        string rows = Rows.Count == 0 ? "No rows." : $"{Rows.Count} estimates with intervals: " +
            string.Join("; ", Rows.Take(12).Select(r => $"{r.Label} {FormatValue(r)}")) + (Rows.Count > 12 ? "; …" : "") + ".";
        string reference = ReferenceValue is double v ? $" Reference line at {Num.Compact(v)}." : "";
        return Describe($"{rows}{reference} {AxesText(XLabel, "")}".Trim());
    }

    private string FormatValue(ForestRow r) =>
        !double.IsFinite(r.Estimate) ? "n/a" :
        double.IsFinite(r.Low) && double.IsFinite(r.High)
            ? $"{Num.Fixed(r.Estimate, ValueDecimals)} [{Num.Fixed(r.Low, ValueDecimals)}, {Num.Fixed(r.High, ValueDecimals)}]"
            : Num.Fixed(r.Estimate, ValueDecimals);

    private protected override void Render(Canvas c)
    {
        double fs = c.SmallFs;
        int n = Rows.Count;
        var texts = Rows.Select(FormatValue).ToArray();

        double labelW = n == 0 ? 0 : Math.Min(Rows.Max(r => TextMetrics.Width(r.Label, c.Fs)), c.Width * 0.35);
        double valueW = ShowValueColumn
            ? Math.Max(texts.Length == 0 ? 0 : texts.Max(t => TextMetrics.Width(t, fs)), TextMetrics.Width(ValueColumnHeader, fs, bold: true))
            : 0;
        bool header = ShowValueColumn && !string.IsNullOrWhiteSpace(ValueColumnHeader);

        var xs = new Extent();
        foreach (var r in Rows)
        {
            xs.Add(r.Estimate);
            xs.Add(r.Low);
            xs.Add(r.High);
        }

        if (ReferenceValue is double refv)
        {
            xs.Add(refv);
        }

        double top = c.Top + (header ? fs * 1.6 : 2);
        double bottom = Axes.BottomMargin(c, XLabel);
        double left = c.Pad + labelW + 12;
        double right = c.Pad + (ShowValueColumn ? valueW + 14 : 0);
        TickSet xt = Axes.ResolveHorizontal(xs, XRange, c.Width - left - right, fs);
        right = Math.Max(right, c.Pad + TextMetrics.Width(xt.Labels.LastOrDefault(), fs) / 2);
        left = Math.Max(left, c.Pad + TextMetrics.Width(xt.Labels.FirstOrDefault(), fs) / 2);
        var plot = Axes.PlotRect(c, left, top, right, bottom);
        var sx = LinearScale.Of(xt, plot.X, plot.Right);
        double rowH = plot.H / Math.Max(1, n);

        var w = c.W;
        // Zebra striping across label, plot and value column for readability.
        w.Start("g").A("class", "stripes").Open();
        for (int i = 1; i < n; i += 2)
        {
            c.Rect(c.Pad, plot.Y + i * rowH, c.Width - 2 * c.Pad, rowH, "#F3F3F3");
        }

        w.Close();
        Axes.DrawXNumeric(c, plot, xt, sx);
        Axes.DrawXLabel(c, plot, XLabel);
        if (ReferenceValue is double rv && rv >= xt.Min && rv <= xt.Max)
        {
            c.Line(sx.Map(rv), plot.Y, sx.Map(rv), plot.Bottom, "#333333", 1.2, "4 3");
        }

        if (header)
        {
            c.Text(c.Width - c.Pad, plot.Y - fs * 0.6, ValueColumnHeader.Trim(), "end", fs, Canvas.TextColor, "bold");
        }

        double square = Math.Clamp(rowH * 0.35, 4, 10);
        w.Start("g").A("class", "rows").Open();
        for (int i = 0; i < n; i++)
        {
            var r = Rows[i];
            double cy = plot.Y + (i + 0.5) * rowH;
            string label = r.Label ?? "";
            c.Text(c.Pad, cy + c.Fs * 0.35, TextMetrics.Truncate(label, c.Fs, labelW), tooltip: label);
            if (double.IsFinite(r.Low) && double.IsFinite(r.High))
            {
                c.Line(sx.MapClamped(r.Low), cy, sx.MapClamped(r.High), cy, MarkerColor, 1.8);
            }

            if (double.IsFinite(r.Estimate))
            {
                double ex = sx.MapClamped(r.Estimate);
                c.Rect(ex - square / 2, cy - square / 2, square, square, MarkerColor);
            }

            if (ShowValueColumn)
            {
                c.Text(c.Width - c.Pad, cy + fs * 0.35, texts[i], "end", fs, Canvas.MutedText);
            }
        }

        w.Close();
    }
}
