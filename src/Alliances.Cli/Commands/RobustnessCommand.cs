using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Uncertainty;
using Alliances.Reporting.Sensitivity;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances robustness &lt;scenario.json&gt; [--designs a,b] [--samples N] [--require metric&gt;=x ...] [--metrics m1,m2]
/// [--include TAGS] [--seed S] [--threads T] [--out DIR] [--resume] [--force] [--quiet]</c>: every design over the same N
/// Latin-hypercube states of the world; regret (mean, p90, max), satisficing share and worst decile per design; the
/// most robust design by each criterion; samples.csv for <c>alliances discover</c>. See docs/SENSITIVITY.md.
/// Exit codes: 0 done, 2 bad input (nothing written), 130 interrupted (the journal keeps finished samples), 1 failure.
/// </summary>
public sealed class RobustnessCommand : ICliCommand
{
    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON), e.g. scenarios/default.json" };
        var designsOpt = new Option<string?>("--designs") { Description = "Comma-separated designs (at least two) [default: every design of the scenario]" };
        var samplesOpt = new Option<int?>("--samples")
        {
            Description = $"Latin-hypercube samples of the uncertain parameters [default: {RobustnessJob.DefaultSamples}]",
            CustomParser = CliParsers.Int32("--samples", 1, 10_000_000),
        };
        var requireOpt = new Option<string[]>("--require")
        {
            Description = "A requirement of the satisficing criterion, metric>=x or metric<=x (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var metricsOpt = new Option<string?>("--metrics") { Description = "Comma-separated metrics [default: the core metrics with a better direction]" };
        var includeOpt = new Option<string?>("--include")
        {
            Description = "Registry parameters also uncertain, by evidence tag: none, U, A, all or a list like U,A [default: the scenario's, else U]",
        };
        var seedOpt = new Option<ulong?>("--seed") { Description = "Master seed, replacing the scenario's seed", CustomParser = CliParsers.UInt64("--seed") };
        var threadsOpt = new Option<int?>("--threads")
        {
            Description = "Worker threads [default: the number of processors]",
            CustomParser = CliParsers.Int32("--threads", 1, 1024),
        };
        var outOpt = new Option<string?>("--out") { Description = "Results folder [default: results/robustness-<scenario>-<seed>]" };
        var resumeOpt = new Option<bool>("--resume") { Description = "Continue an interrupted run from DIR/evaluations.bin" };
        var forceOpt = new Option<bool>("--force") { Description = "Replace results already in DIR" };
        var quietOpt = new Option<bool>("--quiet") { Description = "No progress output" };
        var command = new Command("robustness",
            "Which design stays good across what we are unsure of: regret, satisficing and worst-decile robustness over "
            + "Latin-hypercube samples of the uncertain parameters (common random numbers across designs).")
        {
            scenarioArg, designsOpt, samplesOpt, requireOpt, metricsOpt, includeOpt, seedOpt, threadsOpt, outOpt, resumeOpt, forceOpt, quietOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.Run(() =>
        {
            string file = r.GetValue(scenarioArg)!;
            var request = new RobustnessRequest
            {
                Scenario = ScenarioLoader.Load(file),
                ScenarioFile = file,
                Designs = r.GetValue(designsOpt),
                Samples = r.GetValue(samplesOpt),
                Requirements = r.GetValue(requireOpt) ?? [],
                Metrics = r.GetValue(metricsOpt),
                Include = r.GetValue(includeOpt),
                Seed = r.GetValue(seedOpt),
                Threads = r.GetValue(threadsOpt),
                OutDir = r.GetValue(outOpt),
                Resume = r.GetValue(resumeOpt),
                Force = r.GetValue(forceOpt),
            };
            return Execute(r, request, r.GetValue(quietOpt), ct);
        }, CancellationToken.None));
        return command;
    }

    private static int Execute(ParseResult r, RobustnessRequest request, bool quiet, CancellationToken ct)
    {
        var stdout = r.Out();
        var stderr = r.Err();
        using var stop = UncertaintyCli.StopOnSignal(ct);
        var progress = UncertaintyCli.Progress(stderr, quiet, "robustness", "samples", "samples/s");
        var outcome = RobustnessJob.Run(request, progress, stop.Token);
        switch (outcome.Status)
        {
            case JobStatus.BadInput:
                throw new CliUsageException(outcome.Message);
            case JobStatus.Interrupted:
                stderr.WriteLine(outcome.Message);
                return CompareCommand.Interrupted;
        }
        var result = outcome.Result!;
        var scenario = request.Seed is { } s ? request.Scenario with { Seed = s } : request.Scenario;
        RobustnessFolder.Write(outcome.OutDir, result, scenario.Name, request.ScenarioFile);
        Print(stdout, scenario.Name, result, outcome.Run!);
        stdout.WriteLine();
        stdout.WriteLine($"Results written to {outcome.OutDir}");
        return ExitCodes.Success;
    }

    private static void Print(TextWriter o, string scenario, RobustnessResult result, EvaluationRun run)
    {
        var inv = CultureInfo.InvariantCulture;
        var designs = result.Designs;
        string resumed = run.Resumed > 0 ? string.Create(inv, $", {run.Resumed} resumed from the journal") : "";
        o.WriteLine(string.Create(inv,
            $"Scenario '{scenario}', seed {result.Plan.Seed}: {designs.Count} designs x {result.Plan.RowCount} samples of {result.Plan.K} uncertain "
            + $"parameters{resumed}; {run.Duration.TotalSeconds:0.0} s ({run.RowsPerSecond:0.00} samples/s)"));
        foreach (var skip in result.Skipped) o.WriteLine($"  (skipped {skip})");
        o.WriteLine();

        // Per design and metric: mean, regret mean / p90 / max, worst decile.
        int dw = Math.Max(12, designs.Max(d => d.Length) + 2);
        int mw = Math.Max(24, result.Metrics.Select(m => m.Metric.Name.Length).DefaultIfEmpty(0).Max() + 2);
        o.WriteLine("Regret = distance from the best design of the same sample (0 = best). Worst decile = mean of the worst 10% of samples.");
        o.WriteLine("metric".PadRight(mw) + "design".PadRight(dw) + "     mean  regret-mean  regret-p90  regret-max  worst-decile  best-in");
        foreach (var m in result.Metrics)
        {
            for (int d = 0; d < designs.Count; d++)
            {
                var rs = m.Regret.Summary[d];
                o.WriteLine(string.Create(inv,
                    $"{(d == 0 ? m.Metric.Name : "").PadRight(mw)}{designs[d].PadRight(dw)}{m.Mean[d],9:0.0000}  {rs.Mean,11:0.0000}  {rs.P90,10:0.0000}  {rs.Max,10:0.0000}  {m.WorstDecile[d],12:0.0000}  {100 * m.BestShare[d],6:0}%"));
            }
        }
        if (result.Satisficing is { } sat)
        {
            o.WriteLine();
            o.WriteLine($"Satisficing: share of samples meeting every requirement ({string.Join(" and ", result.Requirements.Select(r => r.Text))}):");
            for (int d = 0; d < designs.Count; d++)
                o.WriteLine(string.Create(inv, $"  {designs[d].PadRight(dw)}{100 * sat[d].Share,6:0.0}%  ({sat[d].Met}/{sat[d].Samples})"));
        }

        // Most robust design by each criterion.
        o.WriteLine();
        o.WriteLine("Most robust design by criterion (ties joined by '='):");
        string[] criteria = ["mean", "regret_mean", "regret_p90", "regret_max", "worst_decile"];
        string[] heads = ["best mean", "min mean regret", "min p90 regret", "minimax regret", "best worst decile"];
        var winners = result.Winners();
        var table = result.Metrics.Select(m => (m.Metric.Name,
            Cells: criteria.Select(c => string.Join("=", winners.First(w => w.Metric == m.Metric.Name && w.Criterion == c).Designs)).ToArray())).ToList();
        int cw = Math.Max(heads.Max(h => h.Length), table.SelectMany(r => r.Cells).DefaultIfEmpty("").Max(c => c.Length)) + 2;
        o.WriteLine("metric".PadRight(mw) + string.Concat(heads.Select(h => h.PadRight(cw))).TrimEnd());
        foreach (var (name, cells) in table) o.WriteLine((name.PadRight(mw) + string.Concat(cells.Select(c => c.PadRight(cw)))).TrimEnd());
        if (result.Satisficing is not null)
        {
            var w = winners.First(x => x.Criterion == "satisficing");
            o.WriteLine(string.Create(inv, $"{"all requirements".PadRight(mw)}highest satisficing share: {string.Join("=", w.Designs)} ({100 * w.Value:0.0}%)"));
        }
        // Count of criteria won, as a one-line verdict.
        var tally = designs.ToDictionary(d => d, _ => 0);
        foreach (var w in winners.Where(w => w.Criterion != "mean"))
            foreach (var d in w.Designs) tally[d]++;
        int total = winners.Count(w => w.Criterion != "mean");
        o.WriteLine();
        o.WriteLine("Robustness criteria won (of " + total.ToString(inv) + ", ties count for each): "
            + string.Join(", ", tally.OrderByDescending(kv => kv.Value).ThenBy(kv => designs.ToList().IndexOf(kv.Key)).Select(kv => $"{kv.Key} {kv.Value}")));
    }
}
