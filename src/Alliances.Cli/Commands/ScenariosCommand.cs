using System.CommandLine;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Scenarios;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances scenarios [--dir DIR] [--lang en|fr]</c>: lists the shipped scenarios (DIR/*.json except the schema), one line
/// each: file, designs, first sentence of the description. A file that does not load is listed with its first error and
/// makes the command exit with 2.
/// </summary>
public sealed class ScenariosCommand : ICliCommand
{
    public Command Build()
    {
        var dirOpt = new Option<string?>("--dir") { Description = "Folder of scenario files [default: ./scenarios]" };
        var langOpt = new Option<string>("--lang")
        {
            Description = "Language of the descriptions (shipped descriptions are bilingual)",
            DefaultValueFactory = _ => "en",
        };
        langOpt.AcceptOnlyFromAmong("en", "fr");
        var command = new Command("scenarios", "List the shipped scenarios: file, designs and the first sentence of the description.")
        {
            dirOpt, langOpt,
        };
        command.SetAction((ParseResult r) => Execute(r, r.GetValue(dirOpt) ?? ScenarioCatalog.DefaultDirectory, r.GetValue(langOpt)!));
        return command;
    }

    private static int Execute(ParseResult r, string dir, string lang)
    {
        if (!Directory.Exists(dir))
            throw new CliUsageException($"--dir: scenario folder '{dir}' not found (run from the repository root or give --dir)");
        var entries = ScenarioCatalog.Load(dir);
        var stdout = r.Out();
        if (entries.Count == 0)
        {
            stdout.WriteLine($"No scenario files in {dir}.");
            return ExitCodes.Success;
        }
        var rows = entries.Select(e => (
            File: Path.GetFileName(e.Path),
            Designs: e.Scenario is { } s ? string.Join(",", s.Designs.Select(d => d.Name)) : "-",
            Text: e.Scenario is { } s2 ? ScenarioCatalog.FirstSentence(s2.Description, lang) : "INVALID: " + e.Error!.Errors[0])).ToList();
        int fw = Math.Max("scenario".Length, rows.Max(x => x.File.Length));
        int dw = Math.Max("designs".Length, rows.Max(x => x.Designs.Length));
        stdout.WriteLine($"{"scenario".PadRight(fw)}  {"designs".PadRight(dw)}  description");
        stdout.WriteLine($"{new string('-', fw)}  {new string('-', dw)}  -----------");
        foreach (var x in rows) stdout.WriteLine($"{x.File.PadRight(fw)}  {x.Designs.PadRight(dw)}  {x.Text}");
        stdout.WriteLine();
        stdout.WriteLine($"{entries.Count} scenarios in {dir}. Details: alliances describe <scenario>; run: alliances compare {dir}/<file>.");
        return entries.Any(e => e.Error is not null) ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
