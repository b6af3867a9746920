using System.Globalization;
using System.Text;
using Alliances.Rng;

namespace Alliances.Cli.Tests;

public sealed class DiscoverCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// A synthetic robustness folder: 400 samples of three factors; "worse" is worse than "better" on effectiveness exactly
    /// inside the planted box 2 ≤ effect ≤ 3.5 and rate ≥ 0.15 (plus 2 % of label noise outside it).
    /// </summary>
    private string Planted()
    {
        var rng = Streams.Create(7, 0, Purpose.Sampling);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("sample,replication_seed,design,projects.effect_per_million,mobilization.rate,concertation.expert_influence,effectiveness,cohesion_index\n");
        for (int s = 0; s < 400; s++)
        {
            double effect = 1.5 + 3.5 * rng.NextDouble(), rate = 0.05 + 0.2 * rng.NextDouble(), influence = 0.5 * rng.NextDouble();
            bool inside = effect >= 2 && effect <= 3.5 && rate >= 0.15;
            bool worse = inside || rng.NextDouble() < 0.02;
            sb.Append(inv, $"{s},{1000 + s},worse,{effect:R},{rate:R},{influence:R},{(worse ? 1.0 : 3.0):R},0.5\n");
            sb.Append(inv, $"{s},{1000 + s},better,{effect:R},{rate:R},{influence:R},2,0.5\n");
        }
        string dir = _dir["rob"];
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "samples.csv"), sb.ToString());
        File.WriteAllText(Path.Combine(dir, "factors.csv"), "factor,kind,origin,tag,distribution,low,high,integer\n"
            + "projects.effect_per_million,parameter,scenario,A,\"uniform(1.5, 5)\",1.5,5,false\n"
            + "mobilization.rate,parameter,scenario,A,\"uniform(0.05, 0.25)\",0.05,0.25,false\n"
            + "concertation.expert_influence,parameter,scenario,U,\"uniform(0, 0.5)\",0,0.5,false\n");
        return dir;
    }

    [Fact]
    public async Task Finds_the_planted_box_and_writes_the_trajectory()
    {
        string dir = Planted();
        var r = await Cli.RunAsync("discover", dir, "--design", "worse", "--vs", "better", "--metric", "effectiveness");
        Assert.True(r.ExitCode == 0, r.Stderr);
        string outDir = Path.Combine(dir, "discover-worse-vs-better-effectiveness");
        var box = File.ReadAllLines(Path.Combine(outDir, "box.csv"));
        Assert.Equal("factor,lower,upper,bound_low,bound_high,restricted,restriction,quasi_p,significant", box[0]);
        var rows = box.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        double D(string factor, int col) => double.Parse(rows[factor][col], CultureInfo.InvariantCulture);
        Assert.Equal("true", rows["projects.effect_per_million"][5]);
        Assert.Equal("true", rows["mobilization.rate"][5]);
        Assert.Equal("false", rows["concertation.expert_influence"][5]);
        Assert.Equal("true", rows["projects.effect_per_million"][8]);
        Assert.Equal("true", rows["mobilization.rate"][8]);
        Assert.True(D("mobilization.rate", 7) < 1e-6, "the planted restriction is significant");
        Assert.Contains("Parameters that matter (quasi-p < 0.05): ", r.Stdout);
        Assert.Equal(2.0, D("projects.effect_per_million", 1), 0.15);
        Assert.Equal(3.5, D("projects.effect_per_million", 2), 0.15);
        Assert.Equal(0.15, D("mobilization.rate", 1), 0.015);
        var peeling = File.ReadAllLines(Path.Combine(outDir, "peeling.csv"));
        Assert.Equal("step,coverage,density,mass,points,cases,restricted_dimensions,limits", peeling[0]);
        Assert.True(peeling.Length > 3);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(outDir, "peeling.svg")));
        var json = File.ReadAllText(Path.Combine(outDir, "discovery.json"));
        Assert.Contains("\"parametersThatMatter\"", json);

        // The same folder again is refused without --force; --select knee is accepted with --force.
        var again = await Cli.RunAsync("discover", dir, "--design", "worse", "--vs", "better", "--metric", "effectiveness");
        Assert.Equal(2, again.ExitCode);
        var knee = await Cli.RunAsync("discover", dir, "--design", "worse", "--vs", "better", "--metric", "effectiveness", "--select", "knee", "--force");
        Assert.True(knee.ExitCode == 0, knee.Stderr);
        Assert.Contains("knee", knee.Stdout);
    }

    [Fact]
    public async Task No_case_of_interest_is_reported_not_an_error()
    {
        string dir = Planted();
        var r = await Cli.RunAsync("discover", dir, "--design", "better", "--vs", "worse", "--metric", "cohesion_index");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("nothing to discover", r.Stdout);
    }

    [Theory]
    [InlineData("--design", "nosuch")]
    [InlineData("--metric", "nosuch")]
    [InlineData("--metric", "projects_funded")]
    [InlineData("--vs", "worse")]
    [InlineData("--alpha", "0.9")]
    [InlineData("--select", "best")]
    public async Task Bad_inputs_exit_2(string option, string value)
    {
        string dir = Planted();
        var args = new Dictionary<string, string> { ["--design"] = "worse", ["--vs"] = "better", ["--metric"] = "effectiveness" };
        args[option] = value;
        var r = await Cli.RunAsync(["discover", dir, .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
    }

    [Fact]
    public async Task A_folder_without_samples_exits_2()
    {
        var r = await Cli.RunAsync("discover", _dir["nothing"], "--design", "a", "--vs", "b", "--metric", "effectiveness");
        Assert.Equal(2, r.ExitCode);
        Directory.CreateDirectory(_dir["empty"]);
        var e = await Cli.RunAsync("discover", _dir["empty"], "--design", "a", "--vs", "b", "--metric", "effectiveness");
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("samples.csv", e.Stderr);
        var missing = await Cli.RunAsync("discover", _dir["empty"], "--design", "a", "--metric", "effectiveness");
        Assert.Equal(2, missing.ExitCode);
    }
}
