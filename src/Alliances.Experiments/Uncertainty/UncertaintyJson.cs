using System.Globalization;
using System.Text.Json;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>
/// Reads the optional <c>"uncertainty"</c> field of a scenario file (see <see cref="UncertaintySpec"/>), reporting
/// problems with file, line, column and JSON path like the rest of <see cref="ScenarioLoader"/>.
/// </summary>
internal static class UncertaintyJson
{
    public static readonly string[] Fields = ["includeRegistry", "exclude", "explore"];

    /// <summary>Parses <paramref name="node"/>; problems go to <paramref name="errors"/> (the result is then partial).</summary>
    public static UncertaintySpec Build(ScNode node, string path, IReadOnlyList<NamedDesign> designs, List<ScenarioError> errors)
    {
        var spec = new UncertaintySpec();
        void Error(SourcePos pos, string p, string message) => errors.Add(new ScenarioError(pos.File.Display, pos.Line, pos.Column, p, message));

        if (node is not ScObject o)
        {
            Error(node.Pos, path, $"expected an object with {string.Join(", ", Fields.Select(f => "'" + f + "'"))}, got {node.KindName}");
            return spec;
        }
        foreach (var p in o.Properties)
            if (!Fields.Contains(p.Name))
                Error(p.NamePos, path + ScenarioJson.PathSegment(p.Name), $"unknown field '{p.Name}'; allowed fields: {string.Join(", ", Fields)}");

        if (o["includeRegistry"] is { } inc)
        {
            string ip = path + ".includeRegistry";
            const string allowed = "\"none\", \"U\", \"A\", \"all\" or an array of evidence tags (S, T, Lit, R, U, A)";
            if (inc is ScValue { Token: JsonTokenType.String } s)
            {
                if (s.Text.Contains(',') || !UncertaintySpec.TryParseTags(s.Text, out var tags, out _))
                    Error(s.Pos, ip, $"{s.Display} is not allowed; expected {allowed}");
                else spec = spec with { IncludeTags = tags };
            }
            else if (inc is ScArray arr)
            {
                var list = new List<Evidence>();
                for (int i = 0; i < arr.Items.Count; i++)
                {
                    if (arr.Items[i] is ScValue { Token: JsonTokenType.String } t && UncertaintySpec.TryParseTag(t.Text, out var e))
                    {
                        if (list.Contains(e)) Error(t.Pos, $"{ip}[{i}]", $"tag {t.Display} is listed twice");
                        else list.Add(e);
                    }
                    else Error(arr.Items[i].Pos, $"{ip}[{i}]", $"expected an evidence tag, one of {string.Join(", ", Enum.GetNames<Evidence>())}");
                }
                spec = spec with { IncludeTags = list.Order().ToArray() };
            }
            else Error(inc.Pos, ip, $"expected {allowed}, got {inc.KindName}");
        }

        if (o["exclude"] is { } exc)
        {
            string ep = path + ".exclude";
            if (exc is not ScArray arr) Error(exc.Pos, ep, $"expected an array of parameter names, got {exc.KindName}");
            else
            {
                var list = new List<string>();
                for (int i = 0; i < arr.Items.Count; i++)
                {
                    if (arr.Items[i] is not ScValue { Token: JsonTokenType.String } t)
                        Error(arr.Items[i].Pos, $"{ep}[{i}]", $"expected a parameter name (a string), got {arr.Items[i].KindName}");
                    else if (!P.TryGet(t.Text, out _))
                        Error(t.Pos, $"{ep}[{i}]", $"unknown parameter {t.Display}; see docs/MODEL-PARAMETERS.md for the registry");
                    else if (list.Contains(t.Text)) Error(t.Pos, $"{ep}[{i}]", $"parameter {t.Display} is listed twice");
                    else list.Add(t.Text);
                }
                spec = spec with { Exclude = list };
            }
        }

        if (o["explore"] is { } exp)
        {
            string xp = path + ".explore";
            if (exp is not ScObject eo) Error(exp.Pos, xp, $"expected an object {{\"<design>.<lever>\": [low, high], ...}}, got {exp.KindName}");
            else
            {
                var list = new List<ExploredLever>();
                var numeric = LeverFields.All.Where(f => f.IsNumber).Select(f => f.JsonName).ToList();
                foreach (var prop in eo.Properties)
                {
                    string pp = xp + ScenarioJson.PathSegment(prop.Name);
                    int dot = prop.Name.LastIndexOf('.');
                    if (dot <= 0 || dot == prop.Name.Length - 1)
                    {
                        Error(prop.NamePos, pp, $"'{prop.Name}' is not '<design>.<lever>', e.g. 'balanced.regionalShare'");
                        continue;
                    }
                    string design = prop.Name[..dot], lever = prop.Name[(dot + 1)..];
                    if (!designs.Any(d => d.Name == design))
                    {
                        Error(prop.NamePos, pp, $"unknown design '{design}'; designs of this scenario: {string.Join(", ", designs.Select(d => d.Name))}");
                        continue;
                    }
                    if (!LeverFields.TryGet(lever, out var field) || !field.IsNumber)
                    {
                        Error(prop.NamePos, pp, $"'{lever}' is not a numeric lever; numeric levers that can be explored: {string.Join(", ", numeric)}");
                        continue;
                    }
                    if (prop.Value is not ScArray ra || ra.Items.Count != 2)
                    {
                        Error(prop.Value.Pos, pp, $"expected [low, high] (two numbers within {Num(field.Min)} to {Num(field.Max)}), got {prop.Value.KindName}");
                        continue;
                    }
                    var v = new double[2];
                    bool ok = true;
                    for (int i = 0; i < 2; i++)
                    {
                        if (ra.Items[i] is ScValue { Token: JsonTokenType.Number } n
                            && double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) && double.IsFinite(v[i])
                            && v[i] >= field.Min && v[i] <= field.Max) continue;
                        Error(ra.Items[i].Pos, $"{pp}[{i}]", $"expected a number within {Num(field.Min)} to {Num(field.Max)} (the range of lever {lever})");
                        ok = false;
                    }
                    if (!ok) continue;
                    if (!(v[0] < v[1]))
                    {
                        Error(ra.Pos, pp, $"low ({Num(v[0])}) must be below high ({Num(v[1])})");
                        continue;
                    }
                    list.Add(new ExploredLever(design, field.JsonName, v[0], v[1]));
                }
                spec = spec with { Explore = list };
            }
        }
        return spec;
    }

    private static string Num(double v) => ScenarioJson.Num(v);
}
