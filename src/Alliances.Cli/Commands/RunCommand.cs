using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using Alliances.Reporting;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances run &lt;scenario.json&gt; [--design NAME] [--seed N] [--out DIR]</c>: runs replication 0 of one design of a
/// scenario and writes timeseries.csv, metrics.csv and manifest.json into DIR (all or nothing), then prints the end metrics.
/// </summary>
public sealed class RunCommand(CliInvocation invocation) : ICliCommand
{
    public const string TimeSeriesFile = "timeseries.csv";
    public const string MetricsFile = "metrics.csv";
    public const string ManifestFile = "manifest.json";
    private const long Replication = 0;

    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario")
        {
            Description = "Scenario file (JSON; comments and trailing commas allowed), e.g. scenarios/default.json",
        };
        var designOpt = new Option<string?>("--design")
        {
            Description = "Name of the design to run, from the scenario's designs [default: the scenario's defaultDesign]",
        };
        var seedOpt = new Option<ulong?>("--seed")
        {
            Description = "Master seed, replacing the scenario's seed (0 to 18446744073709551615)",
            CustomParser = CliParsers.UInt64("--seed"),
        };
        var outOpt = new Option<string?>("--out")
        {
            Description = "Results folder [default: results/run-<scenario>-<design>-<seed>]",
        };
        var command = new Command("run",
            "Run one replication (replication 0) of one design of a scenario; write timeseries.csv, metrics.csv and manifest.json "
            + "and print the end metrics.")
        {
            scenarioArg, designOpt, seedOpt, outOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.FromResult(Execute(
            r, r.GetValue(scenarioArg)!, r.GetValue(designOpt), r.GetValue(seedOpt), r.GetValue(outOpt), ct)));
        return command;
    }

    private int Execute(ParseResult r, string scenarioPath, string? designName, ulong? seed, string? outDir, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var stdout = r.Out();

        // 1. Validate every input before anything is created.
        var scenario = ScenarioLoader.Load(scenarioPath);
        if (seed is { } s) scenario = scenario with { Seed = s };
        designName ??= scenario.DefaultDesign;
        var design = scenario.FindDesign(designName)
            ?? throw new CliUsageException($"unknown design '{designName}' in scenario '{scenario.Name}' ({scenarioPath}); "
                                           + $"designs: {string.Join(", ", scenario.Designs.Select(d => d.Name))}");
        outDir ??= Path.Combine("results", $"run-{scenario.Name}-{design.Name}-{scenario.Seed.ToString(CultureInfo.InvariantCulture)}");
        if (string.IsNullOrWhiteSpace(outDir))
            throw new CliUsageException("--out: the results folder cannot be empty");
        if (File.Exists(outDir))
            throw new CliUsageException($"--out: '{outDir}' is an existing file, not a folder");

        var inputs = ReplicationInputs.Draw(scenario, Replication);
        var simulation = new Simulation(inputs, design.Levers, scenario.Seed, Replication);

        // 2. Run, streaming the time series into a temporary folder; commit all files at the end.
        string[] files = [TimeSeriesFile, MetricsFile, ManifestFile];
        using (var output = new RunOutputDirectory(outDir))
        {
            using (var stream = output.Create(TimeSeriesFile))
            using (var series = new TimeSeriesCsvObserver(stream))
                simulation.Run(new CancellableObserver(series, ct));

            using (var stream = output.Create(MetricsFile))
                RunOutputCsv.WriteMetrics(stream, simulation.RegionMetrics);

            using (var stream = output.Create(ManifestFile))
                RunOutputManifest.Write(stream, new RunManifest
                {
                    Command = "run",
                    Arguments = invocation.Arguments,
                    Scenario = scenario,
                    Design = design,
                    Inputs = inputs,
                    Replication = Replication,
                    CodeVersion = BuildInfo.CodeVersion,
                    GitCommit = BuildInfo.GitCommit(),
                    CreatedUtc = DateTime.UtcNow,
                    DurationSeconds = stopwatch.Elapsed.TotalSeconds,
                    Files = files,
                });
            output.Commit(files);
        }

        // 3. Report.
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario '{scenario.Name}' ({scenarioPath}), design '{design.Name}', seed {scenario.Seed}, replication {Replication}, "
            + $"{inputs.Edition.TotalMonths} months, {inputs.Region.Territories.Count} territories"));
        stdout.WriteLine();
        WriteMetricsTable(stdout, simulation.RegionMetrics);
        stdout.WriteLine();
        stdout.WriteLine($"Results written to {outDir} ({string.Join(", ", files)})");
        return ExitCodes.Success;
    }

    /// <summary>End metrics as an aligned table: metric, value (4 decimals, invariant culture), better direction.</summary>
    public static void WriteMetricsTable(TextWriter w, ReadOnlySpan<double> metrics)
    {
        var values = new List<string>(MetricCatalog.Count);
        foreach (var m in MetricCatalog.All) values.Add(metrics[m.Index].ToString("F4", CultureInfo.InvariantCulture));
        int nameWidth = Math.Max("metric".Length, MetricCatalog.All.Max(m => m.Name.Length));
        int valueWidth = Math.Max("value".Length, values.Max(v => v.Length));
        w.WriteLine($"{"metric".PadRight(nameWidth)}  {"value".PadLeft(valueWidth)}  better");
        w.WriteLine($"{new string('-', nameWidth)}  {new string('-', valueWidth)}  ------");
        for (int i = 0; i < MetricCatalog.Count; i++)
        {
            var m = MetricCatalog.All[i];
            w.WriteLine($"{m.Name.PadRight(nameWidth)}  {values[i].PadLeft(valueWidth)}  {m.Better.ToString().ToLowerInvariant()}");
        }
    }

    private sealed class CancellableObserver(IMonthObserver inner, CancellationToken ct) : IMonthObserver
    {
        public void OnMonth(World world, int month, ReadOnlySpan<double> regionMetrics)
        {
            ct.ThrowIfCancellationRequested();
            inner.OnMonth(world, month, regionMetrics);
        }
    }
}
