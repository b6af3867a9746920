namespace Alliances.Charts.Internal;

internal readonly record struct Rect(double X, double Y, double W, double H)
{
    public double Right => X + W;

    public double Bottom => Y + H;

    public double CenterX => X + W / 2;

    public double CenterY => Y + H / 2;
}

internal enum SwatchKind
{
    Line,
    BandLine,
    Band,
    Dot,
    Box,
    MeanCi,
    Cross,
    Square,
}

internal sealed record LegendItem(string Label, SwatchKind Kind, string Color, double Opacity = 1);

/// <summary>
/// Rendering context of one chart: writes the root element, accessible title/desc, background and
/// visible title, then tracks the free vertical space (<see cref="Top"/>) for legend and plot.
/// </summary>
internal sealed class Canvas
{
    public const string TextColor = "#222222";
    public const string AxisColor = "#555555";
    public const string GridColor = "#E6E6E6";
    public const string MutedText = "#444444";
    public const double TickLength = 4;

    public Canvas(Chart chart, string description)
    {
        O = chart.Options;
        Width = O.Width;
        Height = O.Height;
        Pad = O.Padding;
        Fs = O.FontSize;
        Id = O.IdPrefix ?? DefaultPrefix(chart.Kind, chart.Title);

        string title = string.IsNullOrWhiteSpace(chart.Title) ? chart.Kind : chart.Title.Trim();
        W.Start("svg")
            .A("xmlns", "http://www.w3.org/2000/svg")
            .A("width", Width).A("height", Height)
            .A("viewBox", $"0 0 {Num.C(Width)} {Num.C(Height)}")
            .A("role", "img")
            .A("aria-labelledby", $"{Id}-title {Id}-desc")
            .A("font-family", O.FontFamily)
            .A("font-size", Fs)
            .Open();
        W.Start("title").A("id", Id + "-title").Text(title);
        W.Start("desc").A("id", Id + "-desc").Text(description);
        if (O.Background is not null)
        {
            W.Start("rect").A("width", Width).A("height", Height).A("fill", O.Background).End();
        }

        Top = Pad;
        if (!string.IsNullOrWhiteSpace(chart.Title))
        {
            string shown = TextMetrics.Truncate(chart.Title.Trim(), TitleFs, Width - 2 * Pad);
            W.Start("text").A("x", Pad).A("y", Pad + TitleFs * 0.9)
                .A("font-size", TitleFs).A("font-weight", "bold").A("fill", TextColor).Text(shown);
            Top = Pad + TitleFs * 1.25 + 6;
        }
    }

    public SvgWriter W { get; } = new();

    public ChartOptions O { get; }

    public string Id { get; }

    public double Width { get; }

    public double Height { get; }

    public double Pad { get; }

    public double Fs { get; }

    public double TitleFs => Fs * 1.25;

    public double SmallFs => Math.Round(Fs * 0.92, 2);

    /// <summary>Next free y coordinate below title and legend.</summary>
    public double Top { get; set; }

    public string Color(int index) => Palette.Pick(O.Palette, index);

    public string Finish()
    {
        W.Close();
        return W.ToString();
    }

    /// <summary>Writes a text element; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double? size = null,
                     string fill = TextColor, string? weight = null, double rotate = 0, string? tooltip = null)
    {
        W.Start("text").A("x", x).A("y", y);
        if (anchor != "start")
        {
            W.A("text-anchor", anchor);
        }

        if (size is double s && s != Fs)
        {
            W.A("font-size", s);
        }

        W.A("fill", fill).A("font-weight", weight);
        if (rotate != 0)
        {
            W.A("transform", $"rotate({Num.C(rotate)} {Num.C(x)} {Num.C(y)})");
        }

        if (tooltip is not null && tooltip != text)
        {
            W.TextWithTitle(text, tooltip);
        }
        else
        {
            W.Text(text);
        }
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1,
                     string? dash = null, double opacity = 1)
    {
        W.Start("line").A("x1", x1).A("y1", y1).A("x2", x2).A("y2", y2).A("stroke", stroke);
        if (width != 1)
        {
            W.A("stroke-width", width);
        }

        W.A("stroke-dasharray", dash).Opacity("stroke-opacity", opacity).End();
    }

    /// <summary>A line inheriting its stroke from the enclosing group.</summary>
    public void BareLine(double x1, double y1, double x2, double y2) =>
        W.Start("line").A("x1", x1).A("y1", y1).A("x2", x2).A("y2", y2).End();

    /// <summary>A text inheriting font size, fill and anchor from the enclosing group.</summary>
    public void BareText(double x, double y, string text) => W.Start("text").A("x", x).A("y", y).Text(text);

    /// <summary>Opens a group carrying stroke attributes for <see cref="BareLine"/> children.</summary>
    public void OpenStrokeGroup(string stroke, double width = 1)
    {
        W.Start("g").A("stroke", stroke);
        if (width != 1)
        {
            W.A("stroke-width", width);
        }

        W.Open();
    }

    /// <summary>Opens a group carrying text attributes for <see cref="BareText"/> children.</summary>
    public void OpenTextGroup(double size, string fill, string anchor = "start")
    {
        W.Start("g").A("font-size", size).A("fill", fill).A("text-anchor", anchor == "start" ? null : anchor).Open();
    }

    public void Rect(double x, double y, double w, double h, string fill, double opacity = 1,
                     string? stroke = null, double strokeWidth = 1)
    {
        W.Start("rect").A("x", x).A("y", y).A("width", Math.Max(0, w)).A("height", Math.Max(0, h))
            .A("fill", fill).Opacity("fill-opacity", opacity);
        if (stroke is not null)
        {
            W.A("stroke", stroke).A("stroke-width", strokeWidth);
        }

        W.End();
    }

    public void Circle(double cx, double cy, double r, string fill, double opacity = 1, string? stroke = null,
                       double strokeWidth = 1)
    {
        W.Start("circle").A("cx", cx).A("cy", cy).A("r", r).A("fill", fill).Opacity("fill-opacity", opacity);
        if (stroke is not null)
        {
            W.A("stroke", stroke).A("stroke-width", strokeWidth);
        }

        W.End();
    }

    public void Diamond(double cx, double cy, double r, string fill, string stroke)
    {
        var d = new PathData().M(cx, cy - r).L(cx + r, cy).L(cx, cy + r).L(cx - r, cy).Z();
        W.Start("path").A("d", d.ToString()).A("fill", fill).A("stroke", stroke).A("stroke-width", 1).End();
    }

    /// <summary>Defines a clip path for <paramref name="r"/> and returns its id.</summary>
    public string DefineClip(Rect r, string name = "plot")
    {
        string id = $"{Id}-clip-{name}";
        W.Start("defs").Open();
        W.Start("clipPath").A("id", id).Open();
        W.Start("rect").A("x", r.X).A("y", r.Y).A("width", r.W).A("height", r.H).End();
        W.Close();
        W.Close();
        return id;
    }

    /// <summary>Draws a horizontal, wrapping legend below the title and advances <see cref="Top"/>.</summary>
    public void Legend(IReadOnlyList<LegendItem> items)
    {
        if (!O.ShowLegend || items.Count == 0)
        {
            return;
        }

        double fs = SmallFs;
        double rowH = Math.Max(fs * 1.5, 16);
        const double swatchW = 18, gapSwatch = 5, gapItem = 16;
        double maxX = Width - Pad;
        double x = Pad, row = 0;
        var placed = new List<(LegendItem Item, string Text, double X, double Row)>();
        foreach (var item in items)
        {
            string text = TextMetrics.Truncate(item.Label ?? "", fs, Math.Max(20, maxX - Pad - swatchW - gapSwatch));
            double w = swatchW + gapSwatch + TextMetrics.Width(text, fs);
            if (x > Pad && x + w > maxX)
            {
                row++;
                x = Pad;
            }

            placed.Add((item, text, x, row));
            x += w + gapItem;
        }

        W.Start("g").A("class", "legend").Open();
        foreach (var (item, text, ix, irow) in placed)
        {
            double cy = Top + irow * rowH + rowH / 2;
            Swatch(item, ix, cy, swatchW);
            Text(ix + swatchW + gapSwatch, cy + fs * 0.35, text, size: fs, tooltip: item.Label);
        }

        W.Close();
        Top += (row + 1) * rowH + 6;
    }

    private void Swatch(LegendItem item, double x, double cy, double w)
    {
        string c = item.Color;
        switch (item.Kind)
        {
            case SwatchKind.Line:
                Line(x, cy, x + w, cy, c, 2.5);
                break;
            case SwatchKind.BandLine:
                Rect(x, cy - 6, w, 12, c, 0.25);
                Line(x, cy, x + w, cy, c, 2.5);
                break;
            case SwatchKind.Band:
                Rect(x, cy - 6, w, 12, c, item.Opacity);
                break;
            case SwatchKind.Dot:
                Circle(x + w / 2, cy, 4, c, Math.Max(item.Opacity, 0.8));
                break;
            case SwatchKind.Box:
                Line(x + w / 2, cy - 7, x + w / 2, cy + 7, AxisColor);
                Rect(x + 2, cy - 4.5, w - 4, 9, c, item.Opacity, "#333333");
                Line(x + 2, cy, x + w - 2, cy, "#222222", 2);
                break;
            case SwatchKind.MeanCi:
                Line(x + w / 2, cy - 7, x + w / 2, cy + 7, c, 1.5);
                Diamond(x + w / 2, cy, 4, c, c);
                break;
            case SwatchKind.Cross:
                Line(x + 2, cy, x + w - 2, cy, c, 2);
                Line(x + w / 2, cy - 7, x + w / 2, cy + 7, c, 2);
                Circle(x + w / 2, cy, 3, c, 1, "#FFFFFF");
                break;
            default:
                Rect(x + 3, cy - 6, 12, 12, c, item.Opacity);
                break;
        }
    }

    /// <summary>Deterministic default id prefix derived from the chart kind and title (FNV-1a).</summary>
    private static string DefaultPrefix(string kind, string? title)
    {
        uint h = 2166136261;
        foreach (char ch in kind + "\n" + (title ?? ""))
        {
            h = (h ^ ch) * 16777619;
        }

        return "chart-" + h.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
