using Alliances.Experiments.Scenarios;
using Alliances.Model;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Run;

/// <summary>Checks an exercise's constraints (on the design's levers) and goals (on the run's metrics).</summary>
internal static class ExerciseCheck
{
    public static ExerciseResult Evaluate(Exercise ex, RunData data)
    {
        var lang = data.Lang;
        var checks = new List<Check>();
        foreach (var c in ex.Constraints)
        {
            bool ok = c.Holds(data.Design);
            string detail = LeverFields.TryGet(c.Lever, out var f) ? Value(lang, LeverCatalog.Get(c.Lever), f.Get(data.Design)) : "";
            checks.Add(new Check(c.Text.In(lang), ok, detail));
        }
        foreach (var g in ex.Goals)
        {
            var def = MetricTexts.Def(g.Metric);
            int dec = MetricTexts.Decimals(def);
            var p = data.Diff(g.Metric);
            var s = data.OfDesign(g.Metric);
            bool ok = g.Kind switch
            {
                GoalKind.DiffAtLeast => p.Ci95Low > 0 && p.MeanDiff >= g.Value,
                GoalKind.DiffAtMost => p.Ci95High < 0 && p.MeanDiff <= g.Value,
                GoalKind.DesignAtLeast => s.Mean >= g.Value,
                _ => def.Better == Better.Lower ? !(p.Ci95Low > 0) : !(p.Ci95High < 0),
            };
            string detail = g.Kind == GoalKind.DesignAtLeast
                ? (lang == Lang.Fr ? $"moyenne {Num.F(lang, s.Mean, dec)}" : $"mean {Num.F(lang, s.Mean, dec)}")
                : (lang == Lang.Fr ? $"écart {Num.Signed(lang, p.MeanDiff, dec)} {Num.Interval(lang, p.Ci95Low, p.Ci95High, dec)}" : $"difference {Num.Signed(lang, p.MeanDiff, dec)} {Num.Interval(lang, p.Ci95Low, p.Ci95High, dec)}");
            checks.Add(new Check(g.Text.In(lang), ok, detail));
        }
        return new ExerciseResult(ex.Id, ex.Title.In(lang), checks.All(c => c.Ok), checks);
    }

    private static string Value(Lang lang, WorkshopLever lever, object v) => v switch
    {
        bool b => lang == Lang.Fr ? (b ? "oui" : "non") : (b ? "yes" : "no"),
        double d when lever.Percent => Num.Percent(lang, d),
        double d => Num.F(lang, d, 2),
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Enum e => LeverCatalog.OptionLabel(e.GetType(), e.ToString()).In(lang),
        _ => v.ToString() ?? "",
    };
}
