using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Uncertainty;
using Alliances.Reporting.Sensitivity;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances sensitivity &lt;scenario.json&gt; [--method morris|sobol] [--samples N] [--design D] [--metrics m1,m2]
/// [--include TAGS] [--seed S] [--threads T] [--out DIR] [--resume] [--force] [--quiet] [--bootstrap B] [--levels P]</c>:
/// Morris screening (μ, μ*, σ) or Sobol indices (first order and total, bootstrap intervals) of the scenario's uncertain
/// parameters and explored levers, for one design; see docs/SENSITIVITY.md.
/// Exit codes: 0 done, 2 bad input (nothing written), 130 interrupted (the journal keeps finished evaluations), 1 failure.
/// </summary>
public sealed class SensitivityCommand : ICliCommand
{
    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON), e.g. scenarios/default.json" };
        var methodOpt = new Option<string>("--method")
        {
            Description = "morris (screening: mu, mu*, sigma) or sobol (first-order and total indices) [default: morris]",
            DefaultValueFactory = _ => "morris",
        };
        methodOpt.AcceptOnlyFromAmong("morris", "sobol");
        var samplesOpt = new Option<int?>("--samples")
        {
            Description = $"Morris trajectories r [default: {SensitivityJob.DefaultMorrisTrajectories}] or Sobol base samples N "
                + $"[default: {SensitivityJob.DefaultSobolSamples}]; evaluations = r(k+1) or N(k+2) for k factors",
            CustomParser = CliParsers.Int32("--samples", 1, 1_000_000),
        };
        var designOpt = new Option<string?>("--design") { Description = "Design evaluated [default: the scenario's default design]" };
        var metricsOpt = new Option<string?>("--metrics") { Description = "Comma-separated metrics to analyse [default: the core metrics]" };
        var includeOpt = new Option<string?>("--include")
        {
            Description = "Registry parameters also uncertain, by evidence tag: none, U, A, all or a list like U,A "
                + "[default: the scenario's uncertainty.includeRegistry, else U]",
        };
        var seedOpt = new Option<ulong?>("--seed") { Description = "Master seed, replacing the scenario's seed", CustomParser = CliParsers.UInt64("--seed") };
        var threadsOpt = new Option<int?>("--threads")
        {
            Description = "Worker threads [default: the number of processors]",
            CustomParser = CliParsers.Int32("--threads", 1, 1024),
        };
        var outOpt = new Option<string?>("--out") { Description = "Results folder [default: results/sensitivity-<scenario>-<method>-<seed>]" };
        var resumeOpt = new Option<bool>("--resume") { Description = "Continue an interrupted run from DIR/evaluations.bin" };
        var forceOpt = new Option<bool>("--force") { Description = "Replace results already in DIR" };
        var quietOpt = new Option<bool>("--quiet") { Description = "No progress output" };
        var bootstrapOpt = new Option<int?>("--bootstrap")
        {
            Description = "Bootstrap resamples of the Sobol confidence intervals [default: 1000]",
            CustomParser = CliParsers.Int32("--bootstrap", 0, 100_000),
        };
        var levelsOpt = new Option<int?>("--levels")
        {
            Description = "Morris grid levels p, even [default: 4]",
            CustomParser = CliParsers.Int32("--levels", 2, 100),
        };
        var noiseOpt = new Option<string>("--noise")
        {
            Description = "factor: the replication (region, other draws, model streams) is one more factor, 'noise', whose indices "
                + "measure chance; shared: each trajectory or base sample runs on one replication [default: factor]",
            DefaultValueFactory = _ => "factor",
        };
        noiseOpt.AcceptOnlyFromAmong("factor", "shared");
        var command = new Command("sensitivity",
            "Which uncertain assumptions drive a design's results: Morris screening or Sobol indices per metric, "
            + "over the scenario's uncertain parameters and explored levers; resumable, identical for any thread count.")
        {
            scenarioArg, methodOpt, samplesOpt, designOpt, metricsOpt, includeOpt, seedOpt, threadsOpt, outOpt, resumeOpt, forceOpt, quietOpt,
            bootstrapOpt, levelsOpt, noiseOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.Run(() =>
        {
            string file = r.GetValue(scenarioArg)!;
            var request = new SensitivityRequest
            {
                Scenario = ScenarioLoader.Load(file),
                ScenarioFile = file,
                Method = r.GetValue(methodOpt) == "sobol" ? SamplingMethod.Sobol : SamplingMethod.Morris,
                Samples = r.GetValue(samplesOpt),
                Design = r.GetValue(designOpt),
                Metrics = r.GetValue(metricsOpt),
                Include = r.GetValue(includeOpt),
                Seed = r.GetValue(seedOpt),
                Threads = r.GetValue(threadsOpt),
                OutDir = r.GetValue(outOpt),
                Resume = r.GetValue(resumeOpt),
                Force = r.GetValue(forceOpt),
                Bootstrap = r.GetValue(bootstrapOpt) ?? 1000,
                Levels = r.GetValue(levelsOpt) ?? 4,
                NoiseFactor = r.GetValue(noiseOpt) != "shared",
            };
            return Execute(r, request, r.GetValue(quietOpt), ct);
        }, CancellationToken.None));
        return command;
    }

    private static int Execute(ParseResult r, SensitivityRequest request, bool quiet, CancellationToken ct)
    {
        var stdout = r.Out();
        var stderr = r.Err();
        using var stop = UncertaintyCli.StopOnSignal(ct);
        var progress = UncertaintyCli.Progress(stderr, quiet, "sensitivity", "evaluations", "eval/s");
        var outcome = SensitivityJob.Run(request, progress, stop.Token);
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
        SensitivityFolder.Write(outcome.OutDir, result, scenario.Name, request.ScenarioFile);

        var plan = result.Plan;
        var run = outcome.Run!;
        var inv = CultureInfo.InvariantCulture;
        bool morris = plan.Method == SamplingMethod.Morris;
        string resumed = run.Resumed > 0 ? string.Create(inv, $", {run.Resumed} resumed from the journal") : "";
        stdout.WriteLine(string.Create(inv,
            $"Scenario '{scenario.Name}', seed {plan.Seed}, design '{result.Design}': {(morris ? "Morris" : "Sobol")} "
            + $"{(morris ? "r" : "N")} = {plan.Samples}, {Factors(plan)}, {plan.RowCount} evaluations{resumed}; "
            + $"{run.Duration.TotalSeconds:0.0} s ({run.RowsPerSecond:0.00} evaluations/s)"));
        stdout.WriteLine();
        stdout.WriteLine(morris
            ? "Most influential factors per metric (mu* = mean |elementary effect| over the factor's range; sigma):"
            : "Most influential factors per metric (total index ST [95% CI]; first order S1):");
        int width = Math.Max(24, result.Metrics.Select(m => m.Metric.Name.Length).DefaultIfEmpty(0).Max() + 2);
        foreach (var m in result.Metrics)
        {
            string line;
            if (m.Note is not null) line = m.Note;
            else
            {
                var top = m.Ranking().Take(3).Select(i => morris
                    ? string.Create(inv, $"{plan.Factors[i].Name} {m.Morris!.MuStar[i]:G3} (sigma {m.Morris.Sigma[i]:G3})")
                    : string.Create(inv, $"{plan.Factors[i].Name} {m.Sobol!.TotalOrder[i]:0.000} [{m.Sobol.TotalOrderInterval[i].Lower:0.000}, {m.Sobol.TotalOrderInterval[i].Upper:0.000}] (S1 {m.Sobol.FirstOrder[i]:0.000})"));
                line = string.Join("; ", top);
            }
            stdout.WriteLine(m.Metric.Name.PadRight(width) + line);
        }
        stdout.WriteLine();
        stdout.WriteLine($"Results written to {outcome.OutDir}");
        return ExitCodes.Success;
    }

    private static string Factors(SamplingPlan plan)
    {
        int noise = plan.Factors.Count(f => f.Kind == FactorKind.Noise);
        return string.Create(CultureInfo.InvariantCulture, $"{plan.K - noise} factors{(noise > 0 ? " + noise" : "")}");
    }
}

/// <summary>Console plumbing shared by sensitivity, robustness and discover.</summary>
internal static class UncertaintyCli
{
    /// <summary>A token cancelled by Ctrl-C / SIGTERM (first signal only; a second one falls through) or by <paramref name="ct"/>.</summary>
    public static StopSource StopOnSignal(CancellationToken ct) => new(ct);

    public static IEvaluationProgress Progress(TextWriter stderr, bool quiet, string label, string unit, string rateUnit)
    {
        var mode = quiet ? ProgressMode.None
            : ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? ProgressMode.Bar : ProgressMode.Lines;
        return new ProgressAdapter(stderr, mode, label, unit, rateUnit);
    }

    internal sealed class StopSource : IDisposable
    {
        private readonly CancellationTokenSource _cts;
        private readonly PosixSignalRegistration? _sigint, _sigterm;

        public StopSource(CancellationToken ct)
        {
            _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _sigint = TryRegister(PosixSignal.SIGINT);
            _sigterm = TryRegister(PosixSignal.SIGTERM);
        }

        public CancellationToken Token => _cts.Token;

        private PosixSignalRegistration? TryRegister(PosixSignal signal)
        {
            try
            {
                return PosixSignalRegistration.Create(signal, c =>
                {
                    if (_cts.IsCancellationRequested) return;
                    c.Cancel = true;
                    _cts.Cancel();
                });
            }
            catch (PlatformNotSupportedException) { return null; }
        }

        public void Dispose()
        {
            _sigint?.Dispose();
            _sigterm?.Dispose();
            _cts.Dispose();
        }
    }

    private sealed class ProgressAdapter(TextWriter writer, ProgressMode mode, string label, string unit, string rateUnit) : IEvaluationProgress
    {
        private ProgressDisplay? _display;
        public void Start(long total, long alreadyDone) => _display = new ProgressDisplay(writer, mode, total, alreadyDone, label, unit, rateUnit);
        public void Report(long done) => _display?.Report(done);
        public void Stop() => _display?.Dispose();
    }
}
