using Alliances.Experiments.Scenarios;
using Alliances.Experiments.Uncertainty;
using Alliances.Model;

namespace Alliances.Experiments.Tests;

/// <summary>The "uncertainty" scenario field, the factor list built from a scenario, quantiles and sampling plans.</summary>
public class UncertaintyFactorTests
{
    private const string Scenario = """
        {
          "name": "factors-test",
          "edition": { "months": 12 },
          "region": { "generator": { "territories": 4 } },
          "parameters": {
            "projects.effect_per_million": { "triangular": [1.5, 3, 5] },
            "mobilization.rate": { "normal": [0.12, 0.05] },
            "selection.expert_override": 0.4,
            "projects.apply_rate": { "uniform": [0.3, 0.3] }
          },
          "uncertainty": {
            "includeRegistry": ["U", "A"],
            "exclude": ["money.approval_months", "projects.call_size"],
            "explore": { "balanced.regionalShare": [0, 0.4], "centralized.expertsPerBody": [1, 4] }
          }
        }
        """;

    private static Scenario Load(string json) => ScenarioLoader.Parse(json, "test.json");

    [Fact]
    public void Factors_are_declared_distributions_plus_tagged_registry_parameters_minus_fixed_and_excluded()
    {
        var s = Load(Scenario);
        var factors = Factors.For(s);
        var names = factors.Select(f => f.Name).ToList();
        // Registry order; declared distributions keep their shape.
        Assert.Equal(P.All.Select(p => p.Name).Where(names.Contains), names);
        Assert.Equal(DistributionKind.Triangular, factors.Single(f => f.Name == "projects.effect_per_million").Distribution.Kind);
        Assert.Equal("scenario", factors.Single(f => f.Name == "mobilization.rate").Origin);
        // Fixed (a number, or a zero-width uniform) and excluded parameters are not factors.
        Assert.DoesNotContain("selection.expert_override", names);
        Assert.DoesNotContain("projects.apply_rate", names);
        Assert.DoesNotContain("money.approval_months", names);
        Assert.DoesNotContain("projects.call_size", names);
        // Every other [U] and [A] parameter with a range is one, uniform over [Low, High].
        foreach (var p in P.All.Where(p => p.Tag is Evidence.U or Evidence.A && p.High > p.Low))
        {
            if (p.Name is "selection.expert_override" or "projects.apply_rate" or "money.approval_months" or "projects.call_size") continue;
            var f = factors.Single(x => x.Name == p.Name);
            if (s.Parameters.ContainsKey(p.Name)) continue;
            Assert.Equal((p.Low, p.High), (f.Low, f.High));
            Assert.Equal($"registry [{p.Tag}]", f.Origin);
        }
        Assert.DoesNotContain(factors, f => f.Parameter!.Tag is Evidence.S or Evidence.T or Evidence.Lit or Evidence.R && !s.Parameters.ContainsKey(f.Name));
        // Levers only for the design asked for, after the parameters.
        var withLevers = Factors.For(s, "balanced");
        Assert.Equal(factors.Count + 1, withLevers.Count);
        Assert.Equal("balanced.regionalShare", withLevers[^1].Name);
        Assert.Equal(FactorKind.Lever, withLevers[^1].Kind);
        Assert.Equal("centralized.expertsPerBody", Factors.For(s, "centralized")[^1].Name);
        Assert.True(Factors.For(s, "centralized")[^1].IsInteger);
    }

    [Fact]
    public void By_default_only_declared_distributions_and_U_parameters_are_factors()
    {
        var s = Load("""{ "name": "d", "parameters": { "projects.effect_per_million": { "uniform": [1.5, 5] } } }""");
        var names = Factors.For(s).Select(f => f.Name).ToList();
        var expected = P.All.Where(p => p.Name == "projects.effect_per_million" || (p.Tag == Evidence.U && p.High > p.Low)).Select(p => p.Name);
        Assert.Equal(expected, names);
        Assert.DoesNotContain(Factors.For(s, tags: []), f => f.Origin != "scenario");
        Assert.Equal(P.All.Count(p => p.High > p.Low && p.Name != "projects.effect_per_million") + 1, Factors.For(s, tags: Enum.GetValues<Evidence>()).Count);
    }

    [Fact]
    public void Quantiles_stay_in_the_support_and_follow_the_distribution()
    {
        var s = Load(Scenario);
        foreach (var f in Factors.For(s, "centralized"))
        {
            double prev = double.NegativeInfinity;
            for (int i = 0; i <= 100; i++)
            {
                double v = f.Quantile(i / 100.0);
                Assert.InRange(v, f.Low, f.High);
                Assert.True(v >= prev, $"{f.Name}: quantile not monotone at {i}");
                if (f.IsInteger) Assert.Equal(Math.Round(v), v);
                prev = v;
            }
        }
        var normal = Factors.For(s).Single(f => f.Name == "mobilization.rate");
        // Normal(0.12, 0.05) truncated to the registry range [0.05, 0.25]: the median is the quantile half-way between the bounds' CDFs.
        double a = MathNet.Numerics.Distributions.Normal.CDF(0.12, 0.05, normal.Low), b = MathNet.Numerics.Distributions.Normal.CDF(0.12, 0.05, normal.High);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.InvCDF(0.12, 0.05, (a + b) / 2), normal.Quantile(0.5), 1e-12);
        Assert.Equal(normal.Low, normal.Quantile(0), 1e-9);
        var tri = Factors.For(s).Single(f => f.Name == "projects.effect_per_million");
        Assert.Equal(3.0, tri.Quantile((3.0 - 1.5) / (5 - 1.5)), 1e-9); // the mode at F(mode)
    }

    [Fact]
    public void Plans_share_a_replication_within_each_compared_group()
    {
        var s = Load(Scenario);
        var f = Factors.For(s, "balanced");
        var morris = SamplingPlan.CreateMorris(f, 3, 11);
        Assert.Equal(3 * (f.Count + 1), morris.RowCount);
        for (int r = 0; r < morris.RowCount; r++) Assert.Equal(r / (f.Count + 1), morris.Replication[r]);
        var sobol = SamplingPlan.CreateSobol(f, 4, 11);
        Assert.Equal(4 * (f.Count + 2), sobol.RowCount);
        for (int r = 0; r < sobol.RowCount; r++) Assert.Equal(r / (f.Count + 2), sobol.Replication[r]);
        Assert.Equal("A", sobol.Roles[0]);
        Assert.Equal("B", sobol.Roles[f.Count + 1]);
        var lhs = SamplingPlan.CreateLatinHypercube(f, 10, 11);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), lhs.Replication);
        // Same inputs, same plan; another seed, another plan.
        Assert.Equal(morris.Fingerprint, SamplingPlan.CreateMorris(f, 3, 11).Fingerprint);
        Assert.NotEqual(morris.Fingerprint, SamplingPlan.CreateMorris(f, 3, 12).Fingerprint);
        Assert.Equal(lhs.Values.SelectMany(v => v), SamplingPlan.CreateLatinHypercube(f, 10, 11).Values.SelectMany(v => v));
    }

    [Fact]
    public void Applying_factors_sets_parameters_and_the_own_design_levers_only()
    {
        var s = Load(Scenario);
        var f = Factors.For(s, "balanced");
        var values = f.Select(x => x.Quantile(1)).ToArray();
        var inputs = ReplicationInputs.Draw(s, 0);
        var balanced = s.FindDesign("balanced")!;
        var (applied, levers) = Factors.Apply(f, values, inputs, balanced);
        Assert.Equal(0.4, levers.RegionalShare);
        Assert.Equal(f.Single(x => x.Name == "projects.effect_per_million").High, applied.Parameters[P.EffectPerDollar]);
        var (_, other) = Factors.Apply(f, values, inputs, s.FindDesign("centralized")!);
        Assert.Equal(s.FindDesign("centralized")!.Levers, other);
        Assert.NotSame(inputs.Parameters, applied.Parameters); // the drawn inputs are not modified
    }

    [Theory]
    [InlineData("""{ "includeRegistry": "X" }""", "$.uncertainty.includeRegistry", "is not allowed")]
    [InlineData("""{ "includeRegistry": ["U", "Q"] }""", "$.uncertainty.includeRegistry[1]", "expected an evidence tag")]
    [InlineData("""{ "exclude": ["no.such"] }""", "$.uncertainty.exclude[0]", "unknown parameter")]
    [InlineData("""{ "explore": { "nodesign.regionalShare": [0, 0.2] } }""", "$.uncertainty.explore['nodesign.regionalShare']", "unknown design 'nodesign'")]
    [InlineData("""{ "explore": { "balanced.regionalTable": [0, 1] } }""", "$.uncertainty.explore['balanced.regionalTable']", "not a numeric lever")]
    [InlineData("""{ "explore": { "balanced.regionalShare": [0, 0.9] } }""", "$.uncertainty.explore['balanced.regionalShare'][1]", "within 0 to 0.6")]
    [InlineData("""{ "explore": { "balanced.regionalShare": [0.3, 0.1] } }""", "$.uncertainty.explore['balanced.regionalShare']", "must be below")]
    [InlineData("""{ "explores": {} }""", "$.uncertainty.explores", "unknown field")]
    public void Bad_uncertainty_fields_are_reported_with_line_and_path(string uncertainty, string path, string message)
    {
        var json = "{\n  \"name\": \"bad\",\n  \"uncertainty\": " + uncertainty + "\n}";
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json"));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(message, e.Detail);
        Assert.Equal("bad.json", e.File);
        Assert.True(e.Line >= 3, $"line {e.Line}");
    }

    [Fact]
    public void Listing_names_every_factor_and_explored_lever()
    {
        var s = Load(Scenario);
        var lines = UncertaintyListing.Format(s);
        Assert.StartsWith("Uncertain parameters (", lines[0]);
        foreach (var f in Factors.For(s)) Assert.Contains(lines, l => l.StartsWith("  - " + f.Name + " ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("balanced.regionalShare") && l.Contains("uniform(0, 0.4)"));
        Assert.Contains(lines, l => l.Contains("excluded: money.approval_months, projects.call_size"));
        var none = UncertaintyListing.Format(Load("""{ "name": "n", "uncertainty": { "includeRegistry": "none" } }"""));
        Assert.Contains("  (none)", none);
    }
}
