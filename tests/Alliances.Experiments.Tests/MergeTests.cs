using Alliances.Reporting.Csv;

namespace Alliances.Experiments.Tests;

public class MergeTests
{
    /// <summary>Runs shards i/3 (of 6 replications) into folders s{i}; returns their paths.</summary>
    private static string[] Shards(TempDir dir, string json, params int[] indices)
    {
        var list = new List<string>();
        foreach (int i in indices)
        {
            var o = CompareJob.Run(TestScenarios.Request(dir, json, $"s{i}", threads: 1, shard: $"{i}/3", replications: 6) with
            {
                OutDir = dir.Sub($"s{i}"),
            });
            Assert.Equal(CompareStatus.Completed, o.Status);
            list.Add(dir.Sub($"s{i}"));
        }
        return [.. list];
    }

    [Fact]
    public void Missing_shard_is_named_with_the_command_to_run_it()
    {
        using var dir = new TempDir();
        var s = Shards(dir, TestScenarios.Short, 1, 3);
        var o = MergeJob.Run(s, dir.Sub("merged"));
        Assert.False(o.Ok);
        var problem = Assert.Single(o.Problems);
        Assert.Contains("shard 2/3 is missing", problem);
        Assert.Contains("alliances compare", problem);
        Assert.Contains("--shard 2/3", problem);
        Assert.Contains("--replications 6 --seed 7", problem);
        Assert.Contains("--out " + dir.Sub("s2"), problem); // guessed from the siblings' folder names
        Assert.False(Directory.Exists(dir.Sub("merged")));
    }

    [Fact]
    public void Duplicate_shard_is_refused()
    {
        using var dir = new TempDir();
        var s = Shards(dir, TestScenarios.Short, 1, 2, 3);
        var o = MergeJob.Run([s[0], s[1], s[1], s[2]], dir.Sub("merged"));
        Assert.False(o.Ok);
        Assert.Contains(o.Problems, p => p.Contains("shard 2/3 given 2 times", StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir.Sub("merged")));
    }

    [Fact]
    public void Shards_of_different_seeds_or_scenarios_are_refused()
    {
        using var dir = new TempDir();
        var s = Shards(dir, TestScenarios.Short, 1, 2);
        var other = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "x3", shard: "3/3", replications: 6, seed: 99));
        Assert.Equal(CompareStatus.Completed, other.Status);
        var o = MergeJob.Run([s[0], s[1], dir.Sub("x3")], dir.Sub("merged"));
        Assert.False(o.Ok);
        Assert.Contains(o.Problems, p => p.Contains("shard 3/3", StringComparison.Ordinal) && p.Contains("seed: 99 vs 7", StringComparison.Ordinal));

        var renamed = TestScenarios.Short.Replace("short-test", "another");
        var y = CompareJob.Run(TestScenarios.Request(dir, renamed, "y3", shard: "3/3", replications: 6));
        var o2 = MergeJob.Run([s[0], s[1], dir.Sub("y3")], dir.Sub("merged"));
        Assert.False(o2.Ok);
        Assert.Equal(CompareStatus.Completed, y.Status);
        Assert.Contains(o2.Problems, p => p.Contains("scenario: another vs short-test", StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir.Sub("merged")));
    }

    [Fact]
    public void Incomplete_shard_is_refused_with_the_resume_command()
    {
        using var dir = new TempDir();
        var s = Shards(dir, TestScenarios.Short, 1, 2, 3);
        string journal = Path.Combine(s[1], ComparisonFiles.Journal);
        using (var fs = new FileStream(journal, FileMode.Open)) fs.SetLength(fs.Length - 10);
        var o = MergeJob.Run(s, dir.Sub("merged"));
        Assert.False(o.Ok);
        var problem = Assert.Single(o.Problems);
        Assert.Contains("shard 2/3", problem);
        Assert.Contains("incomplete (1 of 2 replications)", problem);
        Assert.Contains("--shard 2/3 --out " + s[1] + " --resume", problem);
    }

    [Fact]
    public void Not_a_results_folder_and_out_equal_to_a_shard_are_refused()
    {
        using var dir = new TempDir();
        var s = Shards(dir, TestScenarios.Short, 1, 2, 3);
        Directory.CreateDirectory(dir.Sub("empty"));
        Assert.Contains(MergeJob.Run([.. s, dir.Sub("empty")], dir.Sub("m")).Problems, p => p.Contains("no journal.bin", StringComparison.Ordinal));
        var before = Folder.Snapshot(s[0]);
        Assert.Contains(MergeJob.Run(s, s[0]).Problems, p => p.Contains("is one of the shard folders", StringComparison.Ordinal));
        Folder.AssertUnchanged(before, s[0]);
        Assert.Contains(MergeJob.Run(s, null).Problems, p => p.Contains("--out is required", StringComparison.Ordinal));
    }
}
