using System.Globalization;
using System.Text;
using Alliances.Analysis.Robustness;
using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Uncertainty;
using Alliances.Model;
using Alliances.Reporting.Sensitivity;
using Alliances.Rng;

namespace Alliances.Experiments.Tests;

/// <summary>Fake models (plain functions of the factor values) behind the evaluation seam of the jobs.</summary>
internal static class FakeModel
{
    /// <summary>Every metric m of design d = f(d, replication, x) + m / 1000.</summary>
    public static EvaluationModel Create(IReadOnlyList<NamedDesign> designs, Func<int, long, double[], double> f, Action? onEvaluate = null) =>
        new(designs, (rep, x, ct) =>
        {
            onEvaluate?.Invoke();
            ct.ThrowIfCancellationRequested();
            var rng = Streams.Create(1, rep, Purpose.Sampling, 9);
            Thread.Sleep(rng.NextInt(3)); // scramble completion order across threads
            int m = MetricCatalog.Count;
            var r = new double[designs.Count * m];
            for (int d = 0; d < designs.Count; d++)
            {
                double v = f(d, rep, x);
                for (int k = 0; k < m; k++) r[d * m + k] = v + k / 1000.0;
            }
            return r;
        });

    /// <summary>Noise of replication r (the same for every design and every row of the replication).</summary>
    public static double Noise(long rep) => Streams.Create(5, rep, Purpose.Sampling).NextDouble() - 0.5;
}

public class UncertaintyRunnerTests
{
    private const string Linear = """
        {
          "name": "linear-test",
          "seed": 5,
          "edition": { "months": 6 },
          "region": { "generator": { "territories": 3 } },
          "parameters": {
            "projects.effect_per_million": { "uniform": [1.5, 5] },
            "mobilization.rate": { "uniform": [0.05, 0.25] },
            "selection.expert_override": { "uniform": [0.05, 0.6] }
          },
          "uncertainty": { "includeRegistry": "none" },
          "designs": { "good": { "preset": "balanced" }, "bad": { "preset": "decentralized" } },
          "defaultDesign": "good"
        }
        """;

    private static Scenario Load() => ScenarioLoader.Parse(Linear, "linear.json");

    private static readonly double[] Coefficients = [3, 0, -2];

    private static double LinearY(double[] x) => Coefficients[0] * x[0] + Coefficients[1] * x[1] + Coefficients[2] * x[2];

    [Fact]
    public void Evaluation_tables_do_not_depend_on_the_thread_count()
    {
        var s = Load();
        var factors = Factors.For(s);
        var plan = SamplingPlan.CreateMorris(factors, 12, 3);
        var model = FakeModel.Create(s.Designs, (d, rep, x) => LinearY(x) * (d + 1) + FakeModel.Noise(rep));
        var one = EvaluationRunner.RunInMemory(plan, model, 1);
        var three = EvaluationRunner.RunInMemory(plan, model, 3);
        for (int r = 0; r < plan.RowCount; r++) Assert.True(one.Row(r).SequenceEqual(three.Row(r)), $"row {r} differs");
    }

    [Fact]
    public void Morris_on_a_linear_model_gives_coefficient_times_range_and_zero_sigma()
    {
        var s = Load();
        var factors = Factors.For(s);
        var plan = SamplingPlan.CreateMorris(factors, 8, 3);
        // Noise shared by the rows of a trajectory cancels in every elementary effect.
        var model = FakeModel.Create([s.Designs[0]], (_, rep, x) => LinearY(x) + FakeModel.Noise(rep));
        var table = EvaluationRunner.RunInMemory(plan, model, 2);
        var result = SensitivityAnalysis.Analyze(plan, table, model, [MetricCatalog.CohesionIndex]);
        var morris = result.Metrics[0].Morris!;
        for (int i = 0; i < factors.Count; i++)
        {
            Assert.Equal(Math.Abs(Coefficients[i]) * (factors[i].High - factors[i].Low), morris.MuStar[i], 1e-9);
            Assert.Equal(Coefficients[i] * (factors[i].High - factors[i].Low), morris.Mu[i], 1e-9);
            Assert.Equal(0, morris.Sigma[i], 1e-9);
        }
        Assert.Equal(new[] { 0, 2, 1 }, result.Metrics[0].Ranking());
    }

    [Fact]
    public void The_noise_factor_moves_only_the_replication_and_measures_chance()
    {
        var s = Load();
        var factors = Factors.For(s);
        var plan = SamplingPlan.CreateMorris(factors, 10, 3, noise: true);
        Assert.Equal(factors.Count + 1, plan.K);
        Assert.Equal(FactorKind.Noise, plan.Factors[^1].Kind);
        int k = plan.K;
        for (int t = 0; t < 10; t++)
            for (int step = 1; step <= k; step++)
            {
                int row = t * (k + 1) + step;
                bool noiseStep = plan.Roles[row] == "step:noise";
                Assert.Equal(noiseStep, plan.Replication[row] != plan.Replication[row - 1]);
                Assert.Equal(plan.Replication[row], (long)plan.Values[row][k - 1]);
                Assert.InRange(plan.Replication[row], t * 4L, t * 4L + 3);
            }
        // y = linear part + chance: parameters keep their exact effects, "noise" gets the chance.
        var model = FakeModel.Create([s.Designs[0]], (_, rep, x) => LinearY(x) + 2 * FakeModel.Noise(rep));
        var table = EvaluationRunner.RunInMemory(plan, model, 2);
        var morris = SensitivityAnalysis.Analyze(plan, table, model, [MetricCatalog.CohesionIndex]).Metrics[0].Morris!;
        for (int i = 0; i < factors.Count; i++)
            Assert.Equal(Math.Abs(Coefficients[i]) * (factors[i].High - factors[i].Low), morris.MuStar[i], 1e-9);
        Assert.True(morris.MuStar[k - 1] > 0.1, $"noise mu* {morris.MuStar[k - 1]}");

        // Saltelli: AB_j^(noise) differs from A_j by the replication only; A_j and B_j run on different replications
        // (but for a few early Sobol' points whose two coordinates coincide, e.g. point 1 = (½, ..., ½)).
        var sobol = SamplingPlan.CreateSobol(factors, 64, 3, noise: true);
        Assert.True(Enumerable.Range(0, 64).Count(j => sobol.Replication[j * (k + 2)] != sobol.Replication[j * (k + 2) + k + 1]) >= 56);
        for (int j = 0; j < 64; j++)
        {
            int a = j * (k + 2);
            for (int i = 0; i < k - 1; i++) Assert.Equal(sobol.Replication[a], sobol.Replication[a + 1 + i]);
            Assert.Equal(sobol.Values[a][..(k - 1)], sobol.Values[a + k][..(k - 1)]);
        }
        var st = EvaluationRunner.RunInMemory(sobol, model, 2);
        var si = SensitivityAnalysis.Analyze(sobol, st, model, [MetricCatalog.CohesionIndex], bootstrap: 0).Metrics[0].Sobol!;
        // Var(2 U(-0.5, 0.5)) = 1/3 against the linear part's variance.
        var v = factors.Select((f, i) => Coefficients[i] * Coefficients[i] * (f.High - f.Low) * (f.High - f.Low) / 12).Append(1.0 / 3).ToArray();
        Assert.Equal(v[^1] / v.Sum(), si.FirstOrder[k - 1], 0.1);
    }

    [Fact]
    public void Sobol_on_an_additive_model_recovers_the_variance_shares()
    {
        var s = Load();
        var factors = Factors.For(s);
        var plan = SamplingPlan.CreateSobol(factors, 512, 3);
        var model = FakeModel.Create([s.Designs[0]], (_, _, x) => LinearY(x));
        var table = EvaluationRunner.RunInMemory(plan, model, 2);
        var r = SensitivityAnalysis.Analyze(plan, table, model, [MetricCatalog.CohesionIndex], bootstrap: 200).Metrics[0].Sobol!;
        // Uniform factors: V_i = c_i² (H - L)² / 12; additive model, so S1 = ST = V_i / ΣV.
        var v = factors.Select((f, i) => Coefficients[i] * Coefficients[i] * (f.High - f.Low) * (f.High - f.Low) / 12).ToArray();
        for (int i = 0; i < factors.Count; i++)
        {
            Assert.Equal(v[i] / v.Sum(), r.FirstOrder[i], 0.05);
            Assert.Equal(v[i] / v.Sum(), r.TotalOrder[i], 0.05);
        }
        Assert.Equal(0, r.TotalOrder[1], 1e-12);
    }

    private static SensitivityRequest SensitivityRequest(TempDir dir, string outName, Func<NamedDesign, IReadOnlyList<Factor>, EvaluationModel> factory,
        int threads = 2, int samples = 15, bool resume = false) => new()
    {
        Scenario = Load(), ScenarioFile = "linear.json", Method = SamplingMethod.Morris, Samples = samples, Threads = threads,
        OutDir = dir.Sub(outName), Resume = resume, Metrics = "cohesion_index,equity_index", ModelFactory = factory,
    };

    private static Dictionary<string, byte[]> Results(string dir) =>
        Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != EvaluationJournal.FileName)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static void AssertSameFiles(string expected, string actual)
    {
        var a = Results(expected);
        var b = Results(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (k, v) in a) Assert.True(v.AsSpan().SequenceEqual(b[k]), $"{k} differs");
    }

    [Fact]
    public void Sensitivity_job_resumes_after_cancellation_to_identical_files()
    {
        using var dir = new TempDir();
        Func<int, long, double[], double> f = (_, rep, x) => LinearY(x) * x[1] + FakeModel.Noise(rep);

        var whole = SensitivityJob.Run(SensitivityRequest(dir, "whole", (d, _) => FakeModel.Create([d], f), threads: 1));
        Assert.Equal(JobStatus.Completed, whole.Status);
        SensitivityFolder.Write(whole.OutDir, whole.Result!, "linear-test", "linear.json");

        using var cts = new CancellationTokenSource();
        int calls = 0;
        var cut = SensitivityJob.Run(SensitivityRequest(dir, "cut", (d, _) => FakeModel.Create([d], f, () =>
        {
            if (Interlocked.Increment(ref calls) == 20) cts.Cancel();
        })), null, cts.Token);
        Assert.Equal(JobStatus.Interrupted, cut.Status);
        Assert.Contains("--resume", cut.ResumeCommand);
        long saved = cut.Run!.Done;
        Assert.InRange(saved, 1, 19);

        int resumedCalls = 0;
        var resumed = SensitivityJob.Run(SensitivityRequest(dir, "cut", (d, _) => FakeModel.Create([d], f, () => Interlocked.Increment(ref resumedCalls)),
            threads: 3, resume: true));
        Assert.Equal(JobStatus.Completed, resumed.Status);
        Assert.Equal(saved, resumed.Run!.Resumed);
        Assert.Equal(resumed.Run.Total - saved, resumedCalls);
        SensitivityFolder.Write(resumed.OutDir, resumed.Result!, "linear-test", "linear.json");
        AssertSameFiles(whole.OutDir, resumed.OutDir);
    }

    [Fact]
    public void Resume_refuses_a_journal_of_another_plan_and_changes_nothing()
    {
        using var dir = new TempDir();
        var first = SensitivityJob.Run(SensitivityRequest(dir, "out", (d, _) => FakeModel.Create([d], (_, _, x) => LinearY(x))));
        Assert.Equal(JobStatus.Completed, first.Status);
        var before = Folder.Snapshot(first.OutDir);
        var other = SensitivityJob.Run(SensitivityRequest(dir, "out", (d, _) => FakeModel.Create([d], (_, _, x) => LinearY(x)), samples: 16, resume: true));
        Assert.Equal(JobStatus.BadInput, other.Status);
        Assert.Contains("sampling plan", other.Message);
        var again = SensitivityJob.Run(SensitivityRequest(dir, "out", (d, _) => FakeModel.Create([d], (_, _, x) => LinearY(x))));
        Assert.Equal(JobStatus.BadInput, again.Status);
        Assert.Contains("--resume", again.Message);
        Folder.AssertUnchanged(before, first.OutDir);
    }

    [Fact]
    public void Regret_is_exactly_zero_for_a_design_best_in_every_sample()
    {
        using var dir = new TempDir();
        // "good" beats "bad" by a margin in every sample, on a higher-is-better and a lower-is-better metric.
        Func<int, long, double[], double> f = (d, rep, x) => LinearY(x) + FakeModel.Noise(rep) + (d == 0 ? 0.25 : 0);
        var outcome = RobustnessJob.Run(new RobustnessRequest
        {
            Scenario = Load(), ScenarioFile = "linear.json", Samples = 60, Threads = 2, OutDir = dir.Sub("rob"),
            Metrics = "cohesion_index,territorial_gini", Requirements = ["cohesion_index>=2"],
            ModelFactory = (designs, _) => FakeModel.Create(designs, f),
        });
        Assert.Equal(JobStatus.Completed, outcome.Status);
        var r = outcome.Result!;
        Assert.Equal(new[] { "good", "bad" }, r.Designs);
        var cohesion = r.Metrics.Single(m => m.Metric.Name == "cohesion_index");
        var gini = r.Metrics.Single(m => m.Metric.Name == "territorial_gini");
        Assert.Equal(Direction.HigherIsBetter, cohesion.Direction);
        Assert.Equal(Direction.LowerIsBetter, gini.Direction);
        Assert.All(cohesion.Regret.Values[0], v => Assert.Equal(0.0, v));
        Assert.Equal(new RegretSummary(0, 0, 0), cohesion.Regret.Summary[0]);
        Assert.Equal(1.0, cohesion.BestShare[0]);
        Assert.Equal(0.25, cohesion.Regret.Summary[1].Mean, 1e-9);
        // On the lower-is-better metric the same shift makes "bad" the best everywhere.
        Assert.Equal(new RegretSummary(0, 0, 0), gini.Regret.Summary[1]);
        Assert.All(r.Winners().Where(w => w.Metric == "cohesion_index" && w.Criterion != "mean"), w => Assert.Equal(new[] { "good" }, w.Designs));
        Assert.All(r.Winners().Where(w => w.Metric == "territorial_gini"), w => Assert.Equal(new[] { "bad" }, w.Designs));
        // Satisficing counts samples meeting the requirement, per design.
        var y0 = Enumerable.Range(0, 60).Select(s => r.Table[s, 0, MetricCatalog.CohesionIndex]).Count(v => v >= 2);
        Assert.Equal(y0, r.Satisficing![0].Met);
        Assert.True(r.Satisficing[0].Met >= r.Satisficing[1].Met);
        // Worst decile of "good" is the mean of its 6 lowest values.
        var sorted = Enumerable.Range(0, 60).Select(s => r.Table[s, 0, MetricCatalog.CohesionIndex]).Order().ToArray();
        Assert.Equal(sorted.Take(6).Average(), cohesion.WorstDecile[0], 1e-12);

        // The folder files are written, samples.csv has one row per sample and design.
        RobustnessFolder.Write(outcome.OutDir, r, "linear-test", "linear.json");
        foreach (var name in new[] { "robustness.csv", "regret.csv", "satisficing.csv", "samples.csv", "factors.csv", "winners.csv", "robustness.json" })
            Assert.True(File.Exists(Path.Combine(outcome.OutDir, name)), name);
        Assert.Equal(1 + 60 * 2, File.ReadAllLines(Path.Combine(outcome.OutDir, "samples.csv")).Length);
    }

    [Fact]
    public void Discovery_finds_a_planted_box()
    {
        using var dir = new TempDir();
        string rob = dir.Sub("rob");
        Directory.CreateDirectory(rob);
        // 500 samples of three factors on [0, 10], [0, 1], [0, 1]; A is worse than B exactly when x0 > 6 and x2 < 0.4.
        var rng = Streams.Create(42, 0, Purpose.Sampling);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("sample,replication_seed,design,alpha,beta,gamma,cohesion_index\n");
        for (int s = 0; s < 500; s++)
        {
            double x0 = 10 * rng.NextDouble(), x1 = rng.NextDouble(), x2 = rng.NextDouble();
            bool worse = x0 > 6 && x2 < 0.4;
            sb.Append(inv, $"{s},0,A,{x0:R},{x1:R},{x2:R},{(worse ? 0.4 : 0.7):R}\n");
            sb.Append(inv, $"{s},0,B,{x0:R},{x1:R},{x2:R},0.6\n");
        }
        File.WriteAllText(Path.Combine(rob, "samples.csv"), sb.ToString());
        File.WriteAllText(Path.Combine(rob, "factors.csv"), "factor,kind,origin,tag,distribution,low,high,integer\n"
            + "alpha,parameter,scenario,A,\"uniform(0, 10)\",0,10,false\nbeta,parameter,scenario,A,\"uniform(0, 1)\",0,1,false\n"
            + "gamma,parameter,scenario,A,\"uniform(0, 1)\",0,1,false\n");
        var outcome = DiscoveryJob.Run(new DiscoveryRequest { Dir = rob, DesignA = "A", DesignB = "B", Metric = "cohesion_index" });
        Assert.Equal(JobStatus.Completed, outcome.Status);
        var r = outcome.Result!;
        var box = r.Chosen;
        Assert.True(box.Coverage >= 0.8, $"coverage {box.Coverage}");
        Assert.True(box.Density >= 0.9, $"density {box.Density}");
        Assert.Equal(new[] { "alpha", "gamma" }, box.DimensionsThatMatter.Take(2).Order());
        Assert.Equal(6, box.Lower[0], 0.6);
        Assert.Equal(0.4, box.Upper[2], 0.06);
        Assert.Equal(0, box.Lower[2]);
        Assert.Equal(10, box.Upper[0]);
        // Both planted restrictions are significant; beta, if restricted at all, is not.
        Assert.Equal(new[] { "alpha", "gamma" }, r.ParametersThatMatter.Order());
        Assert.All(r.Significance.Where(x => x.Limit.Name != "beta"), x => Assert.True(x.QuasiP < 1e-6, $"{x.Limit.Name}: {x.QuasiP}"));
        Assert.Equal(box.Cases, r.Simplified.Cases);
        DiscoveryFolder.Write(outcome.OutDir, r);
        Assert.StartsWith("step,coverage,density,mass", File.ReadAllLines(Path.Combine(outcome.OutDir, "peeling.csv"))[0]);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(outcome.OutDir, "peeling.svg")));
        // The report section presents it.
        string html = SensitivityReportSection.Build(outcome.OutDir, "en");
        Assert.Contains("When does A do worse than B on cohesion_index?", html);
        Assert.Contains("alpha ∈", html);
    }
}
