using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Validation;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances validate [--replications R] [--out DIR] [--scenarios DIR] [--seed N] [--threads T]</c>: runs the
/// calibration targets of brief §9 (a-h) on the shipped scenarios and prints, per target, the expected pattern, the
/// model's value with its 95 % CI and PASS or FAIL; writes DIR/validation.csv atomically.
/// Exit codes: 0 every target passes, 3 some target fails, 2 bad input, 1 unexpected failure.
/// </summary>
public sealed class ValidateCommand : ICliCommand
{
    public const int TargetsFailed = 3;

    public Command Build()
    {
        var repsOpt = new Option<int?>("--replications")
        {
            Description = $"Replications per scenario [default: {CalibrationValidator.DefaultReplications}]",
            CustomParser = CliParsers.Int32("--replications", CalibrationValidator.MinReplications, 1_000_000),
        };
        var outOpt = new Option<string?>("--out") { Description = "Folder for validation.csv [default: results/validation]" };
        var scenariosOpt = new Option<string?>("--scenarios")
        {
            Description = "Folder of the shipped scenarios [default: ./scenarios]",
        };
        var seedOpt = new Option<ulong?>("--seed")
        {
            Description = "Master seed, replacing every scenario's seed",
            CustomParser = CliParsers.UInt64("--seed"),
        };
        var threadsOpt = new Option<int?>("--threads")
        {
            Description = "Worker threads [default: the number of processors]; results do not depend on it",
            CustomParser = CliParsers.Int32("--threads", 1, 1024),
        };
        var quietOpt = new Option<bool>("--quiet") { Description = "No progress lines on stderr" };
        var command = new Command("validate",
            "Check the calibration targets (a-h) of the domain brief on the shipped scenarios: expected pattern, model value "
            + "with 95% CI, PASS/FAIL; write validation.csv. Exit 0 only if every target passes (3 otherwise).")
        {
            repsOpt, outOpt, scenariosOpt, seedOpt, threadsOpt, quietOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.Run(() => Execute(r,
            r.GetValue(repsOpt) ?? CalibrationValidator.DefaultReplications, r.GetValue(outOpt), r.GetValue(scenariosOpt),
            r.GetValue(seedOpt), r.GetValue(threadsOpt), r.GetValue(quietOpt), ct), CancellationToken.None));
        return command;
    }

    private static int Execute(ParseResult r, int replications, string? outDir, string? scenarios, ulong? seed, int? threads, bool quiet,
        CancellationToken ct)
    {
        var stdout = r.Out();
        var stderr = r.Err();
        outDir ??= Path.Combine("results", "validation");
        if (string.IsNullOrWhiteSpace(outDir)) throw new CliUsageException("--out: the folder cannot be empty");
        if (File.Exists(outDir)) throw new CliUsageException($"--out: '{outDir}' is an existing file, not a folder");
        ValidationReport report;
        try
        {
            report = CalibrationValidator.Run(new ValidationOptions
            {
                ScenarioDirectory = scenarios ?? "scenarios",
                Replications = replications,
                Seed = seed,
                Threads = threads,
            }, quiet ? null : line => stderr.WriteLine(line), ct);
        }
        catch (ValidationSetupException ex)
        {
            throw new CliUsageException(ex.Message);
        }
        var csv = ValidationCsv.Write(outDir, report);
        Write(stdout, report);
        stdout.WriteLine();
        stdout.WriteLine($"Results written to {csv}");
        return report.Pass ? ExitCodes.Success : TargetsFailed;
    }

    /// <summary>The report as text: per target a header, then one line per check (value [95% CI] PASS/FAIL).</summary>
    public static void Write(TextWriter w, ValidationReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(inv,
            $"Calibration targets (brief §9), {report.Replications} replications per scenario, {report.Runs} runs, {report.Duration.TotalSeconds:0.0} s"));
        foreach (var t in report.Targets)
        {
            w.WriteLine();
            w.WriteLine($"({t.Id}) {t.Title}: {(t.Pass ? "PASS" : "FAIL")}");
            foreach (var c in t.Checks)
            {
                string value = double.IsNaN(c.Value) ? "n/a" : Fmt(c.Value);
                string ci = double.IsNaN(c.Ci95Low) ? "" : $" [{Fmt(c.Ci95Low)}, {Fmt(c.Ci95High)}]";
                w.WriteLine($"  {(c.Pass ? "PASS" : "FAIL")}  {c.Statistic}");
                w.WriteLine($"        = {value}{ci}; expected {c.Expected}");
            }
        }
        w.WriteLine();
        int passed = report.Targets.Count(t => t.Pass);
        w.WriteLine($"{passed} of {report.Targets.Count} targets pass" + (report.Pass ? "." : ": " +
            string.Join(", ", report.Targets.Where(t => !t.Pass).Select(t => $"({t.Id})")) + " FAIL."));
    }

    private static string Fmt(double v) => Math.Abs(v) >= 100 || v == Math.Round(v) ? v.ToString("0.##", CultureInfo.InvariantCulture)
        : v.ToString("0.0000", CultureInfo.InvariantCulture);
}
