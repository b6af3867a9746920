using System.Globalization;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>The inputs of <c>alliances robustness</c> after command-line parsing.</summary>
public sealed record RobustnessRequest
{
    public required Scenario Scenario { get; init; }
    public string ScenarioFile { get; init; } = "";
    /// <summary>Comma-separated designs (default: every design of the scenario); at least two.</summary>
    public string? Designs { get; init; }
    /// <summary>Latin-hypercube samples (states of the world), default 100.</summary>
    public int? Samples { get; init; }
    /// <summary>"metric&gt;=x" / "metric&lt;=x" requirements of the satisficing criterion.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];
    /// <summary>Comma-separated metrics summarised (default: the core metrics that have a direction).</summary>
    public string? Metrics { get; init; }
    public string? Include { get; init; }
    public ulong? Seed { get; init; }
    public int? Threads { get; init; }
    public string? OutDir { get; init; }
    public bool Resume { get; init; }
    public bool Force { get; init; }
    /// <summary>Test seam: evaluates rows instead of the simulation (must keep the designs given).</summary>
    public Func<IReadOnlyList<NamedDesign>, IReadOnlyList<Factor>, EvaluationModel>? ModelFactory { get; init; }
}

public sealed record RobustnessOutcome(JobStatus Status, string Message)
{
    public string OutDir { get; init; } = "";
    public RobustnessResult? Result { get; init; }
    public EvaluationRun? Run { get; init; }
    public string? ResumeCommand { get; init; }
    public string? CommandLine { get; init; }
}

/// <summary>
/// <c>alliances robustness</c> without the console and the output files: N Latin-hypercube samples of the scenario's
/// uncertain parameters; sample s runs every design on replication s (common random numbers); then regret, satisficing
/// and worst-decile summaries.
/// </summary>
public static class RobustnessJob
{
    public const int DefaultSamples = 100;

    public static IReadOnlyList<string> ResultFiles { get; } =
        ["robustness.csv", "regret.csv", "satisficing.csv", "samples.csv", "factors.csv", "robustness.json", EvaluationJournal.FileName];

    public static string DefaultOut(string scenario, ulong seed) => Path.Combine("results", $"robustness-{scenario}-{seed}");

    public static RobustnessOutcome Run(RobustnessRequest req, IEvaluationProgress? progress = null, CancellationToken cancellation = default)
    {
        SamplingPlan plan;
        EvaluationModel model;
        int threads;
        int[] metrics;
        List<MetricRequirement> requirements = [];
        string outDir, journal, resume, command;
        JournalHeader header;
        long records, validLength;
        try
        {
            threads = JobSupport.Threads(req.Threads);
            int samples = req.Samples ?? DefaultSamples;
            if (samples < 2) throw new JobInputException($"--samples must be at least 2, got {samples}");
            var scenario = req.Seed is { } s ? req.Scenario with { Seed = s } : req.Scenario;
            IReadOnlyList<NamedDesign> designs;
            try { designs = ComparisonSpec.SelectDesigns(scenario, req.Designs); }
            catch (ArgumentException e) { throw new JobInputException("--designs: " + e.Message); }
            if (designs.Count < 2) throw new JobInputException($"--designs: robustness compares at least two designs, got {designs.Count}");
            foreach (var text in req.Requirements)
            {
                if (!MetricRequirement.TryParse(text, out var r, out var error)) throw new JobInputException("--require: " + error);
                requirements.Add(r);
            }
            metrics = JobSupport.Metrics(req.Metrics, MetricCatalog.All.Where(m => m.Core && m.Better != Better.Neither));
            if (metrics.All(i => MetricCatalog.All[i].Better == Better.Neither))
                throw new JobInputException("--metrics: none of these metrics has a better direction; regret needs one");
            // Levers are decisions, not uncertainties: robustness samples the uncertain parameters only.
            var factors = Factors.For(scenario, null, JobSupport.Tags(req.Include));
            plan = SamplingPlan.CreateLatinHypercube(factors, samples, scenario.Seed);
            model = req.ModelFactory?.Invoke(designs, factors) ?? EvaluationModel.Simulation(scenario, designs, factors);
            outDir = string.IsNullOrWhiteSpace(req.OutDir) ? DefaultOut(scenario.Name, scenario.Seed) : req.OutDir;
            journal = Path.Combine(outDir, EvaluationJournal.FileName);
            var invocation = new CompareInvocation
            {
                ScenarioFile = req.ScenarioFile, Designs = designs.Select(d => d.Name).ToArray(), Replications = plan.RowCount,
                Seed = scenario.Seed, Threads = threads, OutDir = outDir,
            };
            header = EvaluationJournal.Header(plan, model, scenario, JobSupport.ScenarioHash(scenario, designs), invocation);
            var args = new List<string>
            {
                "alliances", "robustness", JobSupport.Quote(req.ScenarioFile), "--designs", JobSupport.Quote(string.Join(",", designs.Select(d => d.Name))),
                "--samples", samples.ToString(CultureInfo.InvariantCulture), "--seed", scenario.Seed.ToString(CultureInfo.InvariantCulture),
            };
            if (req.Include is not null) args.AddRange(["--include", JobSupport.Quote(req.Include)]);
            foreach (var r in requirements) args.AddRange(["--require", JobSupport.Quote(r.Text)]);
            if (req.Metrics is not null) args.AddRange(["--metrics", JobSupport.Quote(req.Metrics)]);
            args.AddRange(["--out", JobSupport.Quote(outDir)]);
            command = string.Join(' ', args);
            resume = command + " --resume";
            (records, validLength) = JobSupport.PrepareFolder(outDir, journal, header, req.Resume, req.Force, ResultFiles);
        }
        catch (JobInputException e)
        {
            return new RobustnessOutcome(JobStatus.BadInput, e.Message);
        }

        var run = EvaluationRunner.Run(plan, model, threads, journal, header, records, validLength, progress, cancellation);
        if (!run.Completed)
        {
            return new RobustnessOutcome(JobStatus.Interrupted, JobSupport.Inv(
                $"interrupted: {run.Done} of {run.Total} samples are saved in {journal}; continue with:\n  {resume}"))
            {
                OutDir = outDir, Run = run, ResumeCommand = resume, CommandLine = command,
            };
        }
        var result = RobustnessAnalysis.Analyze(plan, run.Table!, model, metrics, requirements);
        return new RobustnessOutcome(JobStatus.Completed, $"results in {outDir}")
        {
            OutDir = outDir, Run = run, Result = result, CommandLine = command,
        };
    }
}
