using System.Text.Json;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Cli.Tests;

public sealed class ScenarioSchemaTests
{
    private static string SchemaPath => Path.Combine(RepoPaths.Root, "scenarios", "scenario.schema.json");

    /// <summary>The shipped schema is the generated one. To regenerate: ALLIANCES_UPDATE_SCHEMA=1 dotnet test tests/Alliances.Cli.Tests.</summary>
    [Fact]
    public void Shipped_schema_matches_the_generator()
    {
        var generated = ScenarioSchema.Generate();
        if (Environment.GetEnvironmentVariable("ALLIANCES_UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        Assert.True(File.Exists(SchemaPath), "scenarios/scenario.schema.json is missing; regenerate it with ALLIANCES_UPDATE_SCHEMA=1");
        Assert.True(generated == File.ReadAllText(SchemaPath).Replace("\r\n", "\n"),
            "scenarios/scenario.schema.json is out of date (a lever or parameter changed). Regenerate it with: "
            + "ALLIANCES_UPDATE_SCHEMA=1 dotnet test tests/Alliances.Cli.Tests --filter Shipped_schema_matches_the_generator");
    }

    [Fact]
    public void Schema_lists_every_lever_and_parameter()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.Generate());
        var root = doc.RootElement;
        var levers = root.GetProperty("$defs").GetProperty("design").GetProperty("properties").GetProperty("levers").GetProperty("properties");
        Assert.Equal(LeverFields.All.Select(f => f.JsonName), levers.EnumerateObject().Select(p => p.Name));
        var parameters = root.GetProperty("properties").GetProperty("parameters").GetProperty("properties");
        Assert.Equal(P.All.Select(p => p.Name), parameters.EnumerateObject().Select(p => p.Name));
    }
}
