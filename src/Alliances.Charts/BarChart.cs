using Alliances.Charts.Internal;

namespace Alliances.Charts;

/// <summary>
/// One series of a <see cref="BarChart"/>: a value per category, optionally with an interval
/// [Low, High] drawn as an error bar. Lists are parallel to <see cref="BarChart.Categories"/>;
/// non-finite values are not drawn.
/// </summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Lower bounds of the error bars (absolute values, not offsets), or null.</summary>
    public IReadOnlyList<double>? Low { get; init; }

    /// <summary>Upper bounds of the error bars (absolute values, not offsets), or null.</summary>
    public IReadOnlyList<double>? High { get; init; }
}

/// <summary>
/// Horizontal bar chart, one or more series per category (grouped bars, e.g. Sobol first-order and
/// total indices), optional error bars, categories drawn top to bottom in the given order (sort them
/// yourself for a tornado chart). Negative values extend left of the zero line.
/// </summary>
public sealed record BarChart : Chart
{
    /// <summary>Category labels, top to bottom.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Series (palette order); each has one value per category.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>Label of the value (horizontal) axis.</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>Label of the category (vertical) axis.</summary>
    public string CategoryLabel { get; init; } = "";

    /// <summary>Fixed value range.</summary>
    public AxisRange? ValueRange { get; init; }

    /// <inheritdoc/>
    public override string Kind => "Bar chart";

    private protected override void Validate()
    {
        if (Categories is null || Series is null)
        {
            throw new ArgumentException("Categories and Series must not be null.");
        }

        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i] ?? throw new ArgumentException($"Series {i} is null.");
            string who = $"Series {i} ('{s.Name}')";
            if (s.Values is null || s.Values.Count != Categories.Count)
            {
                throw new ArgumentException($"{who}: Values has {s.Values?.Count ?? 0} entries but there are {Categories.Count} categories.");
            }

            if ((s.Low is null) != (s.High is null))
            {
                throw new ArgumentException($"{who}: Low and High must be given together.");
            }

            if (s.Low is not null && (s.Low.Count != Categories.Count || s.High!.Count != Categories.Count))
            {
                throw new ArgumentException($"{who}: Low/High have {s.Low.Count}/{s.High!.Count} entries but there are {Categories.Count} categories.");
            }
        }

        ValueRange?.Validate("Value");
    }

    private protected override string DefaultDescription()
    {
        string cats = Categories.Count == 0 ? "No data." : $"{Categories.Count} categories: {NameList(Categories)}.";
        string series = Series.Count > 1 ? $" Series: {NameList(Series.Select(s => s.Name))}." : "";
        string errors = Series.Any(s => s.Low is not null) ? " Error bars show intervals." : "";
        return Describe($"{cats}{series}{errors} {AxesText(ValueLabel, CategoryLabel)}".Trim());
    }

    private protected override void Render(Canvas c)
    {
        double fs = c.SmallFs;
        int nc = Categories.Count, ns = Series.Count;
        if (ns > 1)
        {
            c.Legend(Series.Select((s, i) => new LegendItem(s.Name, SwatchKind.Square, c.Color(i))).ToList());
        }

        var xs = new Extent();
        foreach (var s in Series)
        {
            xs.AddRange(s.Values);
            xs.AddRange(s.Low);
            xs.AddRange(s.High);
        }

        double labelW = nc == 0 ? 0 : Math.Min(Categories.Max(l => TextMetrics.Width(l, fs)), c.Width * 0.35);
        double top = c.Top + 2;
        double bottom = Axes.BottomMargin(c, ValueLabel);
        double left = c.Pad + (string.IsNullOrWhiteSpace(CategoryLabel) ? 0 : c.Fs * 1.2 + 6) + labelW + 8;
        double right = c.Pad;
        TickSet xt = Axes.ResolveHorizontal(xs, ValueRange, c.Width - left - right, fs, includeZero: true);
        right = Math.Max(right, TextMetrics.Width(xt.Labels.LastOrDefault(), fs) / 2 + 2);
        var plot = Axes.PlotRect(c, left, top, right, bottom);
        var sx = LinearScale.Of(xt, plot.X, plot.Right);

        Axes.DrawXNumeric(c, plot, xt, sx, axisLine: false);
        Axes.DrawXLabel(c, plot, ValueLabel);
        Axes.DrawYLabel(c, plot, CategoryLabel);

        double band = plot.H / Math.Max(1, nc);
        double inner = band * 0.8;
        double barH = inner / Math.Max(1, ns);
        double x0 = sx.MapClamped(0);
        var w = c.W;
        w.Start("g").A("class", "category-labels").Open();
        for (int k = 0; k < nc; k++)
        {
            string label = Categories[k] ?? "";
            double cy = plot.Y + (k + 0.5) * band;
            c.Text(plot.X - 8, cy + fs * 0.35, TextMetrics.Truncate(label, fs, labelW), "end", fs, Canvas.TextColor, tooltip: label);
        }

        w.Close();
        w.Start("g").A("class", "bars").Open();
        for (int i = 0; i < ns; i++)
        {
            var s = Series[i];
            string color = c.Color(i);
            w.Start("g").A("fill", color).Open();
            for (int k = 0; k < nc; k++)
            {
                double v = s.Values[k];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                double y = plot.Y + k * band + (band - inner) / 2 + i * barH;
                double xv = sx.MapClamped(v);
                w.Start("rect").A("x", Math.Min(x0, xv)).A("y", y + barH * 0.06)
                    .A("width", Math.Abs(xv - x0)).A("height", barH * 0.88).End();
            }

            w.Close();
        }

        // Error bars on top of all bars.
        for (int i = 0; i < ns; i++)
        {
            var s = Series[i];
            if (s.Low is null)
            {
                continue;
            }

            for (int k = 0; k < nc; k++)
            {
                double lo = s.Low[k], hi = s.High![k];
                if (!double.IsFinite(lo) || !double.IsFinite(hi))
                {
                    continue;
                }

                double cy = plot.Y + k * band + (band - inner) / 2 + (i + 0.5) * barH;
                double cap = Math.Clamp(barH * 0.25, 2, 5);
                double xl = sx.MapClamped(lo), xh = sx.MapClamped(hi);
                c.Line(xl, cy, xh, cy, "#222222", 1.2);
                c.Line(xl, cy - cap, xl, cy + cap, "#222222", 1.2);
                c.Line(xh, cy - cap, xh, cy + cap, "#222222", 1.2);
            }
        }

        w.Close();
        c.Line(x0, plot.Y, x0, plot.Bottom, "#333333", 1.2);
    }
}
