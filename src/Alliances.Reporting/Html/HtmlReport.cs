using System.Text;
using Alliances.Charts;
using Alliances.Model;

namespace Alliances.Reporting.Html;

/// <summary>What <see cref="HtmlReport.Write"/> produced.</summary>
public sealed record ReportOutput(string HtmlPath, IReadOnlyList<string> SvgPaths, IReadOnlyList<string> PngPaths, IReadOnlyList<string> Warnings);

/// <summary>
/// The planners' report of a results folder of <c>alliances compare</c>: one self-contained HTML file (inline SVG
/// and CSS, no script, no network, no external font) in French by default or in English, plus every chart as
/// <c>charts/*.svg</c> (and PNG when <c>rsvg-convert</c> is available).
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";
    public const string ChartsFolder = "charts";

    /// <summary>The headline metrics of the verdicts, in this order when present.</summary>
    public static IReadOnlyList<string> HeadlineMetrics { get; } =
        ["cohesion_index", "equity_index", "experts_retention", "effectiveness", "sustainability"];


    /// <summary>Builds the HTML of the report.</summary>
    /// <param name="resultsDir">Folder written by <c>alliances compare</c>.</param>
    /// <param name="lang">"fr" (default) or "en".</param>
    /// <param name="designForHeatmap">Design of the territory heatmap; default "balanced" when present, else the first design.</param>
    /// <exception cref="ReportInputException">The folder is missing, incomplete or unreadable, or the design is unknown.</exception>
    /// <param name="include">Folders written by <c>sensitivity</c>, <c>robustness</c> or <c>discover</c>, shown as extra sections.</param>
    public static string Build(string resultsDir, string lang = "fr", string? designForHeatmap = null, IReadOnlyList<string>? include = null) =>
        Compose(resultsDir, lang, designForHeatmap, include).Html;

    /// <summary>
    /// Builds the report and writes <c>report.html</c> (atomically) and <c>charts/*.svg</c> (plus PNGs when
    /// <paramref name="exportPng"/> and <c>rsvg-convert</c> is on PATH) into <paramref name="resultsDir"/>.
    /// This is the one call <c>alliances compare</c> needs at the end of a run.
    /// </summary>
    public static ReportOutput Write(string resultsDir, string lang = "fr", string? designForHeatmap = null, bool exportPng = true,
        IReadOnlyList<string>? include = null)
    {
        var (html, figures) = Compose(resultsDir, lang, designForHeatmap, include);
        string chartsDir = Path.Combine(resultsDir, ChartsFolder);
        var svgs = new List<string>();
        var pngs = new List<string>();
        var warnings = new List<string>();
        foreach (var f in figures)
        {
            string svgPath = Path.Combine(chartsDir, f.Id + ".svg");
            SvgExport.WriteSvg(svgPath, f.Svg);
            svgs.Add(svgPath);
        }

        if (exportPng && figures.Count > 0)
        {
            foreach (string svgPath in svgs)
            {
                string pngPath = Path.ChangeExtension(svgPath, ".png");
                if (SvgExport.TryExportPng(svgPath, pngPath, 2.0, out string? error))
                {
                    pngs.Add(pngPath);
                }
                else
                {
                    warnings.Add($"PNG not written for {Path.GetFileName(svgPath)}: {error}");
                    if (error is not null && error.Contains("not found on PATH", StringComparison.Ordinal))
                    {
                        break; // same reason for every chart
                    }
                }
            }
        }

        string htmlPath = Path.Combine(resultsDir, FileName);
        WriteAtomically(htmlPath, html);
        return new ReportOutput(Path.GetFullPath(htmlPath), svgs, pngs, warnings);
    }

    /// <summary>Writes text as UTF-8 (no BOM) through a temporary file in the same folder, then renames it.</summary>
    internal static void WriteAtomically(string path, string text) => Experiments.AtomicFile.WriteAllText(path, text);

    private static (string Html, IReadOnlyList<ReportFigure> Figures) Compose(string resultsDir, string lang, string? designForHeatmap,
        IReadOnlyList<string>? include = null)
    {
        ReportTexts t;
        try
        {
            t = ReportTexts.For(lang);
        }
        catch (ArgumentException ex)
        {
            throw new ReportInputException(ex.Message, ex);
        }

        var data = ResultsFolder.Read(resultsDir);
        if (designForHeatmap is not null && !data.Designs.Contains(designForHeatmap))
        {
            throw new ReportInputException(
                $"Unknown design '{designForHeatmap}': the results hold {string.Join(", ", data.Designs.Select(d => $"'{d}'"))}.");
        }

        var extra = new List<string>();
        foreach (string dir in include ?? [])
        {
            if (!Directory.Exists(dir)) throw new ReportInputException($"--include: '{dir}' is not a folder");
            string fragment = Sensitivity.SensitivityReportSection.Build(dir, lang);
            if (fragment.Length == 0)
                throw new ReportInputException($"--include: '{dir}' holds no sensitivity, robustness or discovery results");
            // Inline SVG in HTML needs no namespace declaration; the report's own charts drop it the same way.
            extra.Add(fragment.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal));
        }
        return new ReportPage(data, t, designForHeatmap, extra).Render();
    }
}
