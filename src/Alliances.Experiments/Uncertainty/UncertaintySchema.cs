using System.Text.Json;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>The JSON Schema of the scenario field "uncertainty" (written into <see cref="ScenarioSchema"/>).</summary>
internal static class UncertaintySchema
{
    public static void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("uncertainty");
        w.WriteString("description",
            "Factors of `sensitivity` and `robustness`: the distributions of 'parameters', plus registry parameters with these evidence "
            + "tags (uniform over their range; default \"U\"), minus 'exclude'; 'explore' adds numeric levers of a design, uniform over [low, high].");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");

        w.WriteStartObject("includeRegistry");
        w.WriteStartArray("oneOf");
        w.WriteStartObject();
        w.WriteString("type", "string");
        w.WriteStartArray("enum");
        foreach (var s in new[] { "none", "all" }.Concat(Enum.GetNames<Evidence>())) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "array");
        w.WriteBoolean("uniqueItems", true);
        w.WriteStartObject("items");
        w.WriteStartArray("enum");
        foreach (var s in Enum.GetNames<Evidence>()) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("exclude");
        w.WriteString("description", "Parameters that are never factors.");
        w.WriteString("type", "array");
        w.WriteBoolean("uniqueItems", true);
        w.WriteStartObject("items");
        w.WriteStartArray("enum");
        foreach (var p in P.All) w.WriteStringValue(p.Name);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("explore");
        w.WriteString("description", "\"<design>.<lever>\": [low, high] for numeric levers of the scenario's designs.");
        w.WriteString("type", "object");
        w.WriteStartObject("propertyNames");
        var levers = string.Join("|", LeverFields.All.Where(f => f.IsNumber).Select(f => f.JsonName));
        w.WriteString("pattern", $"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,63}}\\.({levers})$");
        w.WriteEndObject();
        w.WriteStartObject("additionalProperties");
        w.WriteString("type", "array");
        w.WriteNumber("minItems", 2);
        w.WriteNumber("maxItems", 2);
        w.WriteStartObject("items");
        w.WriteString("type", "number");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteEndObject(); // properties
        w.WriteEndObject();
    }
}
