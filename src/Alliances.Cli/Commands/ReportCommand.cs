using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Reporting.Html;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances report &lt;DIR&gt; [--lang fr|en] [--design NAME] [--no-png]</c>: builds report.html (one self-contained
/// file) and charts/*.svg (and PNGs when rsvg-convert is available) from a results folder of <c>alliances compare</c>.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public Command Build()
    {
        var dirArg = new Argument<string>("dir")
        {
            Description = "Results folder written by 'alliances compare' (runs.csv, summary.csv, paired.csv, manifest.json, ...)",
        };
        var langOpt = new Option<string>("--lang")
        {
            Description = "Language of the report: fr or en",
            DefaultValueFactory = _ => "fr",
        };
        langOpt.AcceptOnlyFromAmong("fr", "en");
        var designOpt = new Option<string?>("--design")
        {
            Description = "Design shown in the territory × month heatmap [default: balanced when present, else the first design]",
        };
        var includeOpt = new Option<string[]>("--include")
        {
            Description = "A folder written by sensitivity, robustness or discover, shown as an extra section (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var noPngOpt = new Option<bool>("--no-png")
        {
            Description = "Do not convert the charts to PNG (by default PNGs are written when rsvg-convert is on PATH)",
        };
        var command = new Command("report",
            "Build report.html (French by default) and charts/*.svg from a results folder of 'alliances compare'.")
        {
            dirArg, langOpt, designOpt, noPngOpt, includeOpt,
        };
        command.SetAction((ParseResult r) => Execute(r, r.GetValue(dirArg)!, r.GetValue(langOpt) ?? "fr", r.GetValue(designOpt), !r.GetValue(noPngOpt),
            r.GetValue(includeOpt) ?? []));
        return command;
    }

    private static int Execute(ParseResult r, string dir, string lang, string? design, bool png, string[] include)
    {
        if (string.IsNullOrWhiteSpace(dir))
        {
            throw new CliUsageException("the results folder cannot be empty");
        }

        if (!Directory.Exists(dir))
        {
            throw new CliUsageException(File.Exists(dir)
                ? $"'{dir}' is a file; give the results folder of 'alliances compare'"
                : $"results folder '{dir}' not found");
        }

        var missing = ResultsFolder.MissingRequired(dir);
        if (missing.Count > 0)
        {
            throw new CliUsageException(
                $"'{dir}' is not a results folder of 'alliances compare': missing {string.Join(", ", missing)}");
        }

        ReportOutput output;
        try
        {
            output = HtmlReport.Write(dir, lang, design, png, include);
        }
        catch (ReportInputException ex)
        {
            throw new CliUsageException(ex.Message);
        }

        var stdout = r.Out();
        foreach (string w in output.Warnings)
        {
            r.Err().WriteLine("note: " + w);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report written to {output.HtmlPath} ({output.SvgPaths.Count} charts in {Path.Combine(dir, HtmlReport.ChartsFolder)}, {output.PngPaths.Count} PNG)"));
        return ExitCodes.Success;
    }
}
