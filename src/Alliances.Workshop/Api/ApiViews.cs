using Alliances.Experiments.Scenarios;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Api;

/// <summary>The answers of the GET endpoints (serialised camelCase).</summary>
internal static class ApiViews
{
    public sealed record ScenarioView(string Name, string Source, int Months, string Seed, int DefaultReplications, int MaxReplications,
        int MinReplications, string DefaultReference, IReadOnlyList<string> Warnings);

    public sealed record GroupView(string Id, Text Label);

    public sealed record PresetView(string Id, string Design, string Group, Text Label, IReadOnlyDictionary<string, object> Levers);

    public sealed record PresetsView(ScenarioView Scenario, IReadOnlyList<GroupView> Groups, IReadOnlyList<PresetView> Presets);

    public sealed record LeverView(string Name, string Type, string Group, bool Main, Text Label, Text Help, double? Min, double? Max,
        double? Step, bool Percent, IReadOnlyList<LeverOption> Options);

    public sealed record RuleView(string Id, Text Text);

    public sealed record LeversView(IReadOnlyList<LeverGroup> Groups, IReadOnlyList<LeverView> Levers, IReadOnlyList<RuleView> Rules);

    public sealed record GoalView(string Metric, string Kind, double Value, Text Text);

    public sealed record ConstraintView(string Lever, string Kind, object Value, Text Text);

    public sealed record StartView(string Preset, IReadOnlyDictionary<string, object> Levers);

    public sealed record ExerciseView(string Id, Text Title, Text Situation, StartView Design, StartView Reference,
        IReadOnlyList<ConstraintView> Constraints, IReadOnlyList<GoalView> Goals, IReadOnlyList<Text> Hints);

    public static PresetsView Presets(PresetCatalog catalog, WorkshopOptions options)
    {
        var s = catalog.Scenario;
        var scenario = new ScenarioView(s.Name, catalog.ScenarioSource == "built-in" ? "built-in" : Path.GetFileName(catalog.ScenarioSource),
            s.Edition.TotalMonths, s.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Math.Min(RunRequestParser.DefaultReplications, options.MaxReplications), options.MaxReplications, RunRequestParser.MinReplications,
            RunRequestParser.DefaultReferencePreset, catalog.Warnings);
        var groups = catalog.Presets.Select(p => (p.Group, p.GroupLabel)).Distinct().Select(g => new GroupView(g.Group, g.GroupLabel)).ToList();
        var presets = catalog.Presets.Select(p => new PresetView(p.Id, p.Design, p.Group, p.Label,
            LeverFields.All.ToDictionary(f => f.JsonName, f => LeverFields.JsonValue(f, p.Levers)))).ToList();
        return new PresetsView(scenario, groups, presets);
    }

    public static LeversView Levers()
    {
        var levers = LeverCatalog.All.Select(l => new LeverView(
            l.Name, l.Type, l.Group, l.Main, l.Label, l.Help,
            l.Field.IsNumber ? l.Field.Min : null,
            l.Field.IsNumber ? l.Field.Max : null,
            l.Step,
            l.Percent, l.Options)).ToList();
        var rules = new List<RuleView>
        {
            new("table-members", new Text(
                "Sans table régionale, personne n'y siège : les cases « … avec » sont décochées et la Table des préfets décide.",
                "Without a regional table, nobody sits on it: the “… with” boxes are cleared and the Table des préfets decides.")),
        };
        return new LeversView(LeverCatalog.Groups, levers, rules);
    }

    public static IReadOnlyList<ExerciseView> ExerciseList() => Exercises.All.Select(e => new ExerciseView(
        e.Id, e.Title, e.Situation,
        new StartView(e.Start.Preset, e.Start.Levers),
        new StartView(e.Start.Preset, e.Start.Levers),
        e.Constraints.Select(c => new ConstraintView(c.Lever, Camel(c.Kind.ToString()), c.Value, c.Text)).ToList(),
        e.Goals.Select(g => new GoalView(g.Metric, Camel(g.Kind.ToString()), g.Value, g.Text)).ToList(),
        e.Hints)).ToList();

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
