using Alliances.Experiments.Scenarios;
using Alliances.Reporting.Csv;

namespace Alliances.Experiments.Tests;

/// <summary>Temporary folders and short test scenarios (12-month editions, 4 territories) for comparison tests.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alliances-cmp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static class TestScenarios
{
    /// <summary>Three presets, 12 months, 4 territories, one uncertain parameter.</summary>
    public const string Short = """
        {
          "name": "short-test",
          "seed": 7,
          "replications": 12,
          "edition": { "months": 12 },
          "region": { "generator": { "territories": 4 } },
          "parameters": { "concertation.expert_influence": { "uniform": [0, 0.5] } }
        }
        """;

    /// <summary>Two copies of the balanced preset (different names) and the decentralized preset.</summary>
    public const string Twins = """
        {
          "name": "twins-test",
          "seed": 11,
          "replications": 10,
          "edition": { "months": 12 },
          "region": { "generator": { "territories": 4 } },
          "designs": {
            "twin_a": { "preset": "balanced" },
            "twin_b": { "preset": "balanced" },
            "decentralized": { "preset": "decentralized" }
          }
        }
        """;

    public static (Scenario Scenario, string File) Write(TempDir dir, string json, string name = "scenario.json")
    {
        string file = dir.Sub(name);
        File.WriteAllText(file, json);
        return (ScenarioLoader.Load(file), file);
    }

    public static CompareRequest Request(TempDir dir, string json, string outName, int threads = 2, string? shard = null,
        int? replications = null, ulong? seed = null, string? designs = null, bool resume = false)
    {
        var (scenario, file) = Write(dir, json);
        return new CompareRequest
        {
            Scenario = scenario, ScenarioFile = file, Threads = threads, OutDir = dir.Sub(outName), Shard = shard,
            Replications = replications, Seed = seed, Designs = designs, Resume = resume,
        };
    }
}

public static class Folder
{
    public static readonly string[] Csvs =
    [
        ComparisonFiles.Runs, ComparisonFiles.Summary, ComparisonFiles.Paired, ComparisonFiles.Ranks,
        ComparisonFiles.Timeseries, ComparisonFiles.Territories,
    ];

    /// <summary>Asserts that every CSV of the two folders is byte-identical.</summary>
    public static void AssertSameCsvs(string expectedDir, string actualDir)
    {
        foreach (var f in Csvs)
        {
            byte[] a = File.ReadAllBytes(System.IO.Path.Combine(expectedDir, f));
            byte[] b = File.ReadAllBytes(System.IO.Path.Combine(actualDir, f));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{f} differs between {expectedDir} and {actualDir}");
        }
    }

    /// <summary>Every file (name → bytes) of a folder, to check that nothing changed.</summary>
    public static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetFiles(dir).ToDictionary(p => System.IO.Path.GetFileName(p), File.ReadAllBytes)
            : [];

    public static void AssertUnchanged(Dictionary<string, byte[]> before, string dir)
    {
        var after = Snapshot(dir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (k, v) in before) Assert.True(v.AsSpan().SequenceEqual(after[k]), $"{k} changed");
    }
}
