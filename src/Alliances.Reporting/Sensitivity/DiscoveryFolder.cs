using System.Globalization;
using Alliances.Analysis.Discovery;
using Alliances.Experiments.Uncertainty;

namespace Alliances.Reporting.Sensitivity;

/// <summary>
/// The results folder of <c>alliances discover</c>:
/// <list type="bullet">
/// <item>peeling.csv — the PRIM trajectory: <c>step,coverage,density,mass,points,cases,restricted_dimensions,limits</c>
/// (limits: "factor in [lower, upper]" of the restricted dimensions, separated by "; ");</item>
/// <item>box.csv — the chosen box, restricted dimensions first (lowest quasi-p-value first):
/// <c>factor,lower,upper,bound_low,bound_high,restricted,restriction,quasi_p,significant</c>;</item>
/// <item>discovery.json — the question, the rule that chose the box, its coverage, density and mass, and the
/// parameters that matter; peeling.svg — coverage against density along the trajectory.</item>
/// </list>
/// </summary>
public static class DiscoveryFolder
{
    public const string Manifest = "discovery.json";

    public static void Write(string dir, DiscoveryResult r)
    {
        using var files = new FolderFiles(dir);
        var prim = r.Prim;
        using (var csv = files.Csv("peeling.csv"))
        {
            csv.Header("step", "coverage", "density", "mass", "points", "cases", "restricted_dimensions", "limits");
            foreach (var b in prim.Trajectory)
                csv.Field(b.Step).Field(b.Coverage).Field(b.Density).Field(b.Mass).Field(b.Points).Field(b.Cases)
                   .Field(b.RestrictedDimensions).Field(LimitsText(b)).End();
        }
        using (var csv = files.Csv("box.csv"))
        {
            csv.Header("factor", "lower", "upper", "bound_low", "bound_high", "restricted", "restriction", "quasi_p", "significant");
            var restricted = r.Significance;
            var order = restricted.Select(l => l.Limit.Index).Concat(Enumerable.Range(0, prim.Names.Count).Where(i => restricted.All(l => l.Limit.Index != i)));
            foreach (int i in order)
            {
                var sig = restricted.FirstOrDefault(l => l.Limit.Index == i);
                csv.Field(prim.Names[i]).Field(r.Chosen.Lower[i]).Field(r.Chosen.Upper[i]).Field(prim.BoundsLow[i]).Field(prim.BoundsHigh[i])
                   .Field(sig is null ? "false" : "true").Field(sig?.Limit.Restriction ?? 0).Field(sig?.QuasiP ?? double.NaN)
                   .Field(sig is not null && sig.QuasiP < DiscoveryResult.SignificanceLevel ? "true" : "false").End();
            }
        }
        files.Svg("peeling.svg", SensitivityCharts.Peeling(r));
        files.Json(Manifest, w =>
        {
            w.WriteString("tool", "alliances");
            w.WriteString("command", "discover");
            w.WriteString("question", $"samples where '{r.Request.DesignA}' does worse than '{r.Request.DesignB}' on {r.Metric.Name} ({(r.Metric.Better == Model.Better.Higher ? "lower" : "higher")} value)");
            w.WriteString("designA", r.Request.DesignA);
            w.WriteString("designB", r.Request.DesignB);
            w.WriteString("metric", r.Metric.Name);
            w.WriteNumber("samples", r.Samples);
            w.WriteNumber("cases", r.Cases);
            w.WriteNumber("alpha", r.Request.Alpha);
            w.WriteNumber("minMass", r.Request.MinMass);
            w.WriteString("rule", r.Rule);
            w.WriteStartObject("box");
            w.WriteNumber("step", r.Chosen.Step);
            FolderFiles.Number(w, "coverage", r.Chosen.Coverage);
            FolderFiles.Number(w, "density", r.Chosen.Density);
            w.WriteNumber("mass", r.Chosen.Mass);
            w.WriteNumber("points", r.Chosen.Points);
            w.WriteNumber("cases", r.Chosen.Cases);
            w.WriteStartArray("limits");
            foreach (var sig in r.Significance)
            {
                var l = sig.Limit;
                w.WriteStartObject();
                w.WriteString("factor", l.Name);
                w.WriteNumber("lower", l.Lower);
                w.WriteNumber("upper", l.Upper);
                w.WriteNumber("restriction", l.Restriction);
                w.WriteNumber("quasiP", sig.QuasiP);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            var sb = r.Simplified;
            w.WriteStartObject("significantBox");
            w.WriteNumber("significanceLevel", DiscoveryResult.SignificanceLevel);
            FolderFiles.Number(w, "coverage", sb.Coverage);
            FolderFiles.Number(w, "density", sb.Density);
            w.WriteNumber("mass", sb.Mass);
            w.WriteNumber("points", sb.Points);
            w.WriteNumber("cases", sb.Cases);
            w.WriteStartArray("limits");
            foreach (var sig in r.Significance.Where(x => x.QuasiP < DiscoveryResult.SignificanceLevel))
            {
                w.WriteStartObject();
                w.WriteString("factor", sig.Limit.Name);
                w.WriteNumber("lower", sig.Limit.Lower);
                w.WriteNumber("upper", sig.Limit.Upper);
                w.WriteNumber("quasiP", sig.QuasiP);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("parametersThatMatter");
            foreach (var n in r.ParametersThatMatter) w.WriteStringValue(n);
            w.WriteEndArray();
            FolderFiles.Number(w, "baseDensity", prim.Trajectory[0].Density);
        });
        files.Commit();
    }

    /// <summary>"factor in [lower, upper]; ..." for the restricted dimensions of a box, most restricted first.</summary>
    public static string LimitsText(PrimBox b) =>
        string.Join("; ", SensitivityCharts.Limits(b).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name} in [{l.Lower:G6}, {l.Upper:G6}]")));
}
