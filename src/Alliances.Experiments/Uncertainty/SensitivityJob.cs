using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>The inputs of <c>alliances sensitivity</c> after command-line parsing.</summary>
public sealed record SensitivityRequest
{
    public required Scenario Scenario { get; init; }
    public string ScenarioFile { get; init; } = "";
    public SamplingMethod Method { get; init; } = SamplingMethod.Morris;
    /// <summary>Morris trajectories r (default 20) or Sobol base samples N (default 256).</summary>
    public int? Samples { get; init; }
    /// <summary>Design evaluated (default: the scenario's default design); scenario designs first, then presets.</summary>
    public string? Design { get; init; }
    /// <summary>Comma-separated metrics analysed (default: the core metrics). Every metric is evaluated and journaled.</summary>
    public string? Metrics { get; init; }
    /// <summary>Evidence tags of registry parameters to include, replacing the scenario's includeRegistry ("U", "U,A", "all", "none").</summary>
    public string? Include { get; init; }
    public ulong? Seed { get; init; }
    public int? Threads { get; init; }
    public string? OutDir { get; init; }
    public bool Resume { get; init; }
    public bool Force { get; init; }
    /// <summary>Bootstrap resamples of the Sobol confidence intervals.</summary>
    public int Bootstrap { get; init; } = 1000;
    /// <summary>Morris grid levels p (even).</summary>
    public int Levels { get; init; } = 4;
    /// <summary>Add the noise pseudo-factor (<see cref="Factor.Noise"/>): the replication becomes a factor of the design
    /// (default). False: each trajectory / base sample shares one replication and chance is not separated.</summary>
    public bool NoiseFactor { get; init; } = true;
    /// <summary>Test seam: evaluates rows instead of the simulation (its designs are ignored; the chosen design is used).</summary>
    public Func<NamedDesign, IReadOnlyList<Factor>, EvaluationModel>? ModelFactory { get; init; }
}

public sealed record SensitivityOutcome(JobStatus Status, string Message)
{
    public string OutDir { get; init; } = "";
    public SensitivityResult? Result { get; init; }
    public EvaluationRun? Run { get; init; }
    public string? ResumeCommand { get; init; }
    /// <summary>The command that reproduces the run (without --resume).</summary>
    public string? CommandLine { get; init; }
}

/// <summary>
/// <c>alliances sensitivity</c> without the console and the output files: validates, builds the plan over the
/// scenario's factors, evaluates it on T threads into the journal <see cref="EvaluationJournal.FileName"/> of the output
/// folder (resumable), and computes the Morris or Sobol measures per metric.
/// </summary>
public static class SensitivityJob
{
    public const int DefaultMorrisTrajectories = 20;
    public const int DefaultSobolSamples = 256;

    /// <summary>Files a finished sensitivity folder holds besides the SVG charts.</summary>
    public static IReadOnlyList<string> ResultFiles { get; } =
        ["sensitivity.csv", "samples.csv", "factors.csv", "sensitivity.json", EvaluationJournal.FileName];

    public static string DefaultOut(string scenario, SamplingMethod method, ulong seed) =>
        Path.Combine("results", $"sensitivity-{scenario}-{SamplingPlan.MethodName(method)}-{seed}");

    public static SensitivityOutcome Run(SensitivityRequest req, IEvaluationProgress? progress = null, CancellationToken cancellation = default)
    {
        // 1. Validate every input; nothing is written before this block succeeds.
        SamplingPlan plan;
        EvaluationModel model;
        int threads;
        int[] metrics;
        string outDir, journal, resume, command;
        Comparison.JournalHeader header;
        long records, validLength;
        try
        {
            threads = JobSupport.Threads(req.Threads);
            if (req.Method == SamplingMethod.LatinHypercube) throw new JobInputException("--method must be morris or sobol");
            int samples = req.Samples ?? (req.Method == SamplingMethod.Morris ? DefaultMorrisTrajectories : DefaultSobolSamples);
            if (req.Method == SamplingMethod.Morris && samples < 2)
                throw new JobInputException($"--samples: Morris needs at least 2 trajectories (σ needs two effects per factor), got {samples}");
            if (req.Method == SamplingMethod.Sobol && samples < 2)
                throw new JobInputException($"--samples: Sobol needs at least 2 base samples, got {samples}");
            if (req.Levels < 2 || req.Levels % 2 != 0) throw new JobInputException($"--levels must be even and at least 2, got {req.Levels}");
            if (req.Bootstrap < 0) throw new JobInputException($"--bootstrap must be at least 0, got {req.Bootstrap}");
            var scenario = req.Seed is { } s ? req.Scenario with { Seed = s } : req.Scenario;
            NamedDesign design;
            try { design = ComparisonSpec.SelectDesigns(scenario, req.Design ?? scenario.DefaultDesign).Single(); }
            catch (ArgumentException e) { throw new JobInputException("--design: " + e.Message); }
            catch (InvalidOperationException) { throw new JobInputException("--design: give exactly one design"); }
            var factors = Factors.For(scenario, design.Name, JobSupport.Tags(req.Include));
            if (factors.Count == 0)
                throw new JobInputException($"scenario '{scenario.Name}' has no uncertain factor for design '{design.Name}': give parameters "
                    + "distributions, \"uncertainty\": {\"includeRegistry\": ...} or explored levers, or pass --include U,A");
            int k = factors.Count + (req.NoiseFactor ? 1 : 0);
            if (req.Method == SamplingMethod.Sobol && 2 * k > Analysis.Sampling.SobolSequence.MaxDimensions)
                throw new JobInputException($"Sobol indices support at most {Analysis.Sampling.SobolSequence.MaxDimensions / 2} factors; this run has {k} (use --method morris to screen them first)");
            metrics = JobSupport.Metrics(req.Metrics, MetricCatalog.All.Where(m => m.Core));
            plan = req.Method == SamplingMethod.Morris
                ? SamplingPlan.CreateMorris(factors, samples, scenario.Seed, req.Levels, req.NoiseFactor)
                : SamplingPlan.CreateSobol(factors, samples, scenario.Seed, req.NoiseFactor);
            factors = plan.Factors;
            model = req.ModelFactory?.Invoke(design, factors) ?? EvaluationModel.Simulation(scenario, [design], factors);
            if (model.Designs.Count != 1) throw new InvalidOperationException("a sensitivity model evaluates one design");
            outDir = string.IsNullOrWhiteSpace(req.OutDir) ? DefaultOut(scenario.Name, req.Method, scenario.Seed) : req.OutDir;
            journal = Path.Combine(outDir, EvaluationJournal.FileName);
            var invocation = new CompareInvocation
            {
                ScenarioFile = req.ScenarioFile, Designs = [design.Name], Replications = plan.RowCount, Seed = scenario.Seed,
                Threads = threads, OutDir = outDir,
            };
            header = EvaluationJournal.Header(plan, model, scenario, JobSupport.ScenarioHash(scenario, [design]), invocation);
            string baseCommand = string.Join(' ', new[]
            {
                "alliances", "sensitivity", JobSupport.Quote(req.ScenarioFile), "--method", SamplingPlan.MethodName(req.Method),
                "--samples", samples.ToString(System.Globalization.CultureInfo.InvariantCulture), "--design", JobSupport.Quote(design.Name),
                "--seed", scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Concat(req.Include is null ? [] : ["--include", JobSupport.Quote(req.Include)])
             .Concat(req.NoiseFactor ? [] : ["--noise", "shared"])
             .Concat(req.Method == SamplingMethod.Morris && req.Levels != 4 ? ["--levels", req.Levels.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [])
             .Concat(["--out", JobSupport.Quote(outDir)]));
            command = baseCommand;
            resume = baseCommand + " --resume";
            (records, validLength) = JobSupport.PrepareFolder(outDir, journal, header, req.Resume, req.Force, ResultFiles);
        }
        catch (JobInputException e)
        {
            return new SensitivityOutcome(JobStatus.BadInput, e.Message);
        }

        // 2. Evaluate the missing rows, then analyse.
        var run = EvaluationRunner.Run(plan, model, threads, journal, header, records, validLength, progress, cancellation);
        if (!run.Completed)
        {
            return new SensitivityOutcome(JobStatus.Interrupted, JobSupport.Inv(
                $"interrupted: {run.Done} of {run.Total} evaluations are saved in {journal}; continue with:\n  {resume}"))
            {
                OutDir = outDir, Run = run, ResumeCommand = resume, CommandLine = command,
            };
        }
        var result = SensitivityAnalysis.Analyze(plan, run.Table!, model, metrics, req.Bootstrap);
        return new SensitivityOutcome(JobStatus.Completed, $"results in {outDir}")
        {
            OutDir = outDir, Run = run, Result = result, CommandLine = command,
        };
    }
}
