namespace Alliances.Cli.Tests;

/// <summary>`alliances scenarios`: one line per shipped scenario (file, designs, first sentence of the description).</summary>
public sealed class ScenariosCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Lists_every_shipped_scenario_on_one_line()
    {
        var dir = Path.Combine(RepoPaths.Root, "scenarios");
        var r = await Cli.RunAsync("scenarios", "--dir", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n');
        foreach (var f in Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
            Assert.Single(lines, l => l.StartsWith(Path.GetFileName(f) + " ", StringComparison.Ordinal));
        Assert.DoesNotContain("scenario.schema.json", r.Stdout);
        var rass = lines.Single(l => l.StartsWith("rassembleur.json", StringComparison.Ordinal));
        Assert.Contains("rassembleur,rassembleur-10", rass);
        Assert.Contains("A structured rallying region", rass);
        Assert.DoesNotContain("FR :", rass);
        var fr = await Cli.RunAsync("scenarios", "--dir", dir, "--lang", "fr");
        Assert.Contains("Une région « rassembleuse » structurée", fr.Stdout);
    }

    [Fact]
    public async Task An_invalid_file_is_listed_with_its_error_and_exits_2()
    {
        _tmp.Write("good.json", "{ \"name\": \"good\", \"description\": \"First. Second.\" }");
        _tmp.Write("bad.json", "{ \"name\": \"bad\", \"seed\": -1 }");
        _tmp.Write("x.schema.json", "{}");
        var r = await Cli.RunAsync("scenarios", "--dir", _tmp.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"good\.json\s+centralized,decentralized,balanced\s+First\.\s*\n", r.Stdout);
        Assert.Contains("INVALID: ", r.Stdout);
        Assert.Contains("$.seed", r.Stdout);
        Assert.DoesNotContain("x.schema.json", r.Stdout);
    }

    [Fact]
    public async Task Missing_folder_exits_2()
    {
        var r = await Cli.RunAsync("scenarios", "--dir", _tmp["missing"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not found", r.Stderr);
    }
}
