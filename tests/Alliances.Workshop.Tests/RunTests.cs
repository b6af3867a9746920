using System.Text;
using System.Text.Json;
using Alliances.Workshop.Api;
using Alliances.Workshop.Catalog;
using Alliances.Workshop.Run;

namespace Alliances.Workshop.Tests;

/// <summary>Runs without HTTP: exercises are solvable, "why" notes read the mechanisms that moved.</summary>
public sealed class RunTests
{
    private static readonly PresetCatalog Presets = PresetCatalog.Load(Repo.Scenarios);
    private static readonly WorkshopRunner Runner = new(Presets, new WorkshopOptions());

    private static RunResult Run(object body) =>
        Runner.Run(RunRequestParser.Parse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)), Presets, 64));

    private static object Exercise(Exercise ex, IReadOnlyDictionary<string, object> design, int reps = 24) => new
    {
        design = new { preset = ex.Start.Preset, levers = design },
        reference = new { preset = ex.Start.Preset, levers = ex.Start.Levers },
        replications = reps,
        exercise = ex.Id,
    };

    /// <summary>For each exercise: a solution with the main levers (goal reached), and a single obvious lever that is
    /// not enough (goal not reached), so the exercise makes people combine mechanisms.</summary>
    public static TheoryData<string, Dictionary<string, object>, Dictionary<string, object>> Solutions => new()
    {
        {
            "equity-without-table",
            new() { ["localSplit"] = "CapacityCompensating", ["coordination"] = "FundedAnimation", ["weakTerritorySupport"] = 0.5 },
            new() { ["localSplit"] = "CapacityCompensating" }
        },
        {
            "keep-experts",
            new() { ["allowance"] = "StandardAllowance", ["expertAccompaniment"] = "DedicatedAgent", ["expertsPerBody"] = 2, ["expertDecisionRule"] = "AdvisoryWithFeedback" },
            new() { ["allowance"] = "StandardAllowance", ["expertAccompaniment"] = "None", ["expertsPerBody"] = 1, ["expertDecisionRule"] = "Advisory" }
        },
        {
            "gap-centralized",
            new() { ["weakTerritorySupport"] = 0.6, ["localSplit"] = "CapacityCompensating" },
            new() { ["regionalShare"] = 0.3 }
        },
        {
            "engage-prefets",
            new() { ["respondentSeniority"] = "ProvincialLead" },
            new() { ["respondentSeniority"] = "Director" }
        },
    };

    [Theory]
    [MemberData(nameof(Solutions))]
    public void Exercise_SolutionReachesTheGoal_OneLeverAloneDoesNot(string id, Dictionary<string, object> solution, Dictionary<string, object> partial)
    {
        var ex = Exercises.Find(id)!;
        var start = Run(Exercise(ex, ex.Start.Levers, reps: 8)).Exercise!;
        Assert.False(start.Reached, "the starting point must not already reach the goal");

        var solved = Run(Exercise(ex, Merge(ex.Start.Levers, solution))).Exercise!;
        Assert.True(solved.Reached, string.Join("; ", solved.Checks.Select(c => $"{c.Text}: {c.Ok} {c.Detail}")));

        var half = Run(Exercise(ex, Merge(ex.Start.Levers, partial))).Exercise!;
        Assert.False(half.Reached, string.Join("; ", half.Checks.Select(c => $"{c.Text}: {c.Ok} {c.Detail}")));
    }

    private static Dictionary<string, object> Merge(IReadOnlyDictionary<string, object> a, Dictionary<string, object> b)
    {
        var m = new Dictionary<string, object>(a);
        foreach (var (k, v) in b) m[k] = v;
        return m;
    }

    [Fact]
    public void Exercise_BreakingAConstraint_IsNotReached()
    {
        var ex = Exercises.Find("engage-prefets")!;
        var r = Run(Exercise(ex, new Dictionary<string, object> { ["respondentSeniority"] = "ProvincialLead", ["regionalShare"] = 0.2 }, reps: 8)).Exercise!;
        Assert.False(r.Reached);
        Assert.False(r.Checks[0].Ok);
    }

    [Fact]
    public void Why_SameDesignOnBothSides_SaysNoClearDifference_AndNothingElse()
    {
        var r = Run(new { design = new { preset = "balanced" }, reference = new { preset = "balanced" }, replications = 8 });
        var note = Assert.Single(r.Why);
        Assert.Equal("info", note.Tone);
        Assert.Contains("Pas de différence nette", note.Text);
        Assert.All(r.Metrics, m => Assert.Equal("unclear", m.Diff.Verdict));
    }

    [Fact]
    public void Why_RegionalTable_TiesTerritoriesTogether_AndPrefetsEngage()
    {
        var r = Run(new
        {
            // Elected officials only: with sectoral partners too, tensions between them offset the préfets' gain (ODD §7.8).
            design = new { preset = "decentralized", levers = new { regionalTable = true, tableHasElected = true, tableHasLocalConcertations = false, tableHasSectoralPartners = false } },
            reference = new { preset = "decentralized" },
            replications = 16,
        });
        string all = string.Join("\n", r.Why.Select(n => n.Text));
        Assert.True(all.Contains("Le réseau est plus soudé"), all);
        Assert.True(all.Contains("des liens se tissent entre territoires"), all);
        Assert.True(all.Contains("Les préfets s'engagent davantage"), all);
        Assert.True(all.Contains("la table régionale leur offre un lieu d'échange"), all);
        Assert.All(r.Why.Skip(1), n => Assert.Contains(n.Tone, new[] { "good", "bad", "neutral" }));
        // Every note reads metrics whose difference is clear.
        foreach (var n in r.Why.Skip(1))
            Assert.Contains(n.Metrics, m => r.Metrics.FirstOrDefault(x => x.Name == m)?.Diff.Verdict is "better" or "worse" or "higher" or "lower" or null);
    }

    [Fact]
    public void Why_ExpertsLeaveAfterRefusals_WhenTheirAdviceIsOnlyAdvisory()
    {
        var r = Run(new
        {
            design = new { preset = "balanced", levers = new { expertDecisionRule = "Advisory", allowance = "None", expertAccompaniment = "None", expertsPerBody = 1 } },
            reference = new { preset = "balanced" },
            replications = 16,
            lang = "fr",
        });
        string all = string.Join("\n", r.Why.Select(n => n.Text));
        Assert.True(all.Contains("Des personnes expertes sont parties"), all);
        Assert.True(all.Contains("refus répétés de leurs recommandations"), all);
    }

    [Fact]
    public void Why_English_AndExpertsStayWithBetterConditions()
    {
        var r = Run(new
        {
            design = new { preset = "balanced" },
            reference = new { preset = "balanced", levers = new { expertDecisionRule = "Advisory", allowance = "None", expertAccompaniment = "None", expertsPerBody = 1 } },
            replications = 16,
            lang = "en",
        });
        string all = string.Join("\n", r.Why.Select(n => n.Text));
        Assert.True(all.Contains("Experts de vécu stay longer"), all);
        Assert.True(all.Contains("better compensated and accompanied"), all);
    }

    [Fact]
    public void Charts_AreSvgWithDistinctIdPrefixes_AndOneDotPerReplicationAndDesign()
    {
        var r = Run(new { design = new { preset = "balanced" }, replications = 12 });
        string[] svgs = [r.Charts.Tradeoff, r.Charts.Mobilization, r.Charts.ExpertParticipation, r.Charts.Differences];
        foreach (string svg in svgs) Assert.StartsWith("<svg", svg);
        Assert.Contains("id=\"ws-tradeoff", r.Charts.Tradeoff);
        Assert.Contains("id=\"ws-ts-mobilization", r.Charts.Mobilization);
        Assert.Contains("id=\"ws-ts-experts", r.Charts.ExpertParticipation);
        Assert.Contains("id=\"ws-forest", r.Charts.Differences);
        Assert.True(CountOf(r.Charts.Tradeoff, "<circle") >= 24, "one dot per replication and design");
        Assert.Contains("#0072B2", r.Charts.Tradeoff);
        Assert.Contains("#E69F00", r.Charts.Tradeoff);
    }

    private static int CountOf(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
