using Alliances.Experiments.Comparison;
using Alliances.Reporting.Csv;

namespace Alliances.Experiments.Tests;

public class DeterminismTests
{
    [Fact]
    public void One_and_two_threads_write_identical_csvs()
    {
        using var dir = new TempDir();
        var one = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "t1", threads: 1));
        var two = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "t2", threads: 2));
        var three = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "t3", threads: 3));
        Assert.Equal(CompareStatus.Completed, one.Status);
        Assert.Equal(CompareStatus.Completed, two.Status);
        Assert.Equal(CompareStatus.Completed, three.Status);
        Folder.AssertSameCsvs(dir.Sub("t1"), dir.Sub("t2"));
        Folder.AssertSameCsvs(dir.Sub("t1"), dir.Sub("t3"));
        // runs.csv: header + R × D rows, ordered by replication then design.
        var runs = File.ReadAllLines(Path.Combine(dir.Sub("t1"), ComparisonFiles.Runs));
        Assert.Equal(1 + 12 * 3, runs.Length);
        Assert.StartsWith("centralized,0,", runs[1]);
        Assert.StartsWith("decentralized,0,", runs[2]);
        Assert.StartsWith("balanced,11,", runs[^1]);
    }

    [Fact]
    public void Three_shards_merged_equal_one_run()
    {
        using var dir = new TempDir();
        var whole = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "whole", threads: 2));
        Assert.Equal(CompareStatus.Completed, whole.Status);
        var shardDirs = new List<string>();
        foreach (int i in new[] { 3, 1, 2 })
        {
            var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, $"s{i}", threads: i, shard: $"{i}/3"));
            Assert.Equal(CompareStatus.Completed, o.Status);
            Assert.Equal(4, o.Total);
            shardDirs.Add(dir.Sub($"s{i}"));
        }
        var merged = MergeJob.Run(shardDirs, dir.Sub("merged"));
        Assert.True(merged.Ok, string.Join("\n", merged.Problems));
        Folder.AssertSameCsvs(dir.Sub("whole"), dir.Sub("merged"));
    }

    [Fact]
    public void In_memory_runner_matches_the_folder_and_ignores_threads()
    {
        using var dir = new TempDir();
        var (scenario, _) = TestScenarios.Write(dir, TestScenarios.Short);
        var a = ComparisonRunner.RunInMemory(scenario, replications: 6, threads: 1);
        var b = ComparisonRunner.RunInMemory(scenario, replications: 6, threads: 4);
        Assert.Equal(6, a.Replications);
        Assert.Equal(a.Summary, b.Summary);
        Assert.Equal(a.Paired, b.Paired);
        Assert.Equal(a.Ranks, b.Ranks);
        Assert.Equal(a.Series(), b.Series());
        Assert.Equal(a.Territories(), b.Territories());
        var folder = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "f", replications: 6));
        Assert.Equal(a.Summary, folder.Results!.Summary);
    }

    [Fact]
    public void Identical_designs_have_exactly_zero_paired_difference()
    {
        using var dir = new TempDir();
        var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Twins, "out"));
        Assert.Equal(CompareStatus.Completed, o.Status);
        var rows = File.ReadAllLines(Path.Combine(dir.Sub("out"), ComparisonFiles.Paired)).Skip(1)
            .Where(l => l.StartsWith("twin_a,twin_b,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(o.Results!.Layout.M, rows.Length);
        foreach (var row in rows)
        {
            var f = row.Split(',');
            Assert.Equal(["0", "0", "0", "0.5"], f[3..]); // mean_diff, ci95_low, ci95_high, prob_a_better (all ties)
        }
        // ...while the other design does differ on the replication draws.
        var other = o.Results.PairedOf("twin_a", "decentralized", "cohesion_index");
        Assert.NotEqual(0, other.MeanDiff);
        // Tied designs share ranks equally.
        var ranks = o.Results.Ranks.Where(r => r.Metric.Name == "cohesion_index" && r.Design.StartsWith("twin", StringComparison.Ordinal)).ToArray();
        Assert.All(ranks.Where(r => r.Rank <= 2), r => Assert.True(r.Share is 0 or 0.5 or 1));
        Assert.Equal(ranks.Where(r => r.Design == "twin_a").Select(r => r.Share), ranks.Where(r => r.Design == "twin_b").Select(r => r.Share));
    }

    [Fact]
    public void Every_design_sees_the_same_replication_draws()
    {
        using var dir = new TempDir();
        var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 4));
        var lines = File.ReadAllLines(Path.Combine(dir.Sub("out"), ComparisonFiles.Runs)).Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var g in lines.GroupBy(f => f[1]))
        {
            Assert.Equal(3, g.Count());
            Assert.Single(g.Select(f => f[2]).Distinct()); // one replication seed for every design
        }
        Assert.Equal(CompareStatus.Completed, o.Status);
    }
}
