using Alliances.Experiments.Comparison;
using Alliances.Reporting.Csv;

namespace Alliances.Experiments.Tests;

public class InputValidationTests
{
    [Theory]
    [InlineData(0, null, null, "replications must be positive")]
    [InlineData(-3, null, null, "replications must be positive")]
    [InlineData(null, "balanced,nope", null, "unknown design 'nope'")]
    [InlineData(null, "balanced,balanced", null, "listed twice")]
    [InlineData(null, null, "0/3", "need 1 <= i <= n")]
    [InlineData(null, null, "4/3", "need 1 <= i <= n")]
    [InlineData(null, null, "a/b", "bad shard spec")]
    [InlineData(null, null, "2", "bad shard spec")]
    [InlineData(null, null, "13/13", "cannot split 12 replications into 13 shards")]
    public void Bad_input_is_refused_and_nothing_is_written(int? replications, string? designs, string? shard, string message)
    {
        using var dir = new TempDir();
        var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: replications, designs: designs, shard: shard));
        Assert.Equal(CompareStatus.BadInput, o.Status);
        Assert.Contains(message, o.Message);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void Zero_threads_is_refused()
    {
        using var dir = new TempDir();
        var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", threads: 0));
        Assert.Equal(CompareStatus.BadInput, o.Status);
        Assert.False(Directory.Exists(dir.Sub("out")));
    }

    [Fact]
    public void Unwritable_output_folder_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Sub("file"), "x");
        var req = TestScenarios.Request(dir, TestScenarios.Short, "unused") with { OutDir = Path.Combine(dir.Sub("file"), "sub") };
        var o = CompareJob.Run(req);
        Assert.Equal(CompareStatus.BadInput, o.Status);
        Assert.Contains("cannot write", o.Message);
        var onFile = CompareJob.Run(req with { OutDir = dir.Sub("file") });
        Assert.Equal(CompareStatus.BadInput, onFile.Status);
        Assert.Equal("x", File.ReadAllText(dir.Sub("file")));
    }

    [Fact]
    public void Existing_results_are_not_overwritten_without_resume_or_force()
    {
        using var dir = new TempDir();
        Assert.Equal(CompareStatus.Completed, CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 2)).Status);
        var before = Folder.Snapshot(dir.Sub("out"));
        var o = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3));
        Assert.Equal(CompareStatus.BadInput, o.Status);
        Assert.Contains("already holds", o.Message);
        Folder.AssertUnchanged(before, dir.Sub("out"));
        var forced = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3) with { Force = true });
        Assert.Equal(CompareStatus.Completed, forced.Status);
        Assert.Equal(1 + 3 * 3, File.ReadAllLines(Path.Combine(dir.Sub("out"), ComparisonFiles.Runs)).Length);
    }

    [Fact]
    public void Designs_are_selected_in_the_order_given_with_presets_as_fallback()
    {
        using var dir = new TempDir();
        var (scenario, _) = TestScenarios.Write(dir, TestScenarios.Twins);
        var picked = ComparisonSpec.SelectDesigns(scenario, " twin_b , centralized");
        Assert.Equal(["twin_b", "centralized"], picked.Select(d => d.Name));
        Assert.Equal(["twin_a", "twin_b", "decentralized"], ComparisonSpec.SelectDesigns(scenario, null).Select(d => d.Name));
    }

    [Fact]
    public void Default_output_folder_follows_the_contract()
    {
        Assert.Equal(Path.Combine("results", "compare-default-20180401"), CompareCommandLine.DefaultOut("default", 20180401, ShardSpec.Whole));
        Assert.Equal(Path.Combine("results", "compare-my-scenario-5-shard-2-of-4"), CompareCommandLine.DefaultOut("my scenario", 5, new ShardSpec(2, 4)));
    }

    [Fact]
    public void Shards_tile_the_replications_in_order()
    {
        foreach (int r in new[] { 1, 7, 12, 100, 101 })
            foreach (int n in new[] { 1, 2, 3, 7 })
            {
                if (n > r) continue;
                long next = 0;
                for (int i = 1; i <= n; i++)
                {
                    var s = new ShardSpec(i, n);
                    Assert.Equal(next, s.First(r));
                    Assert.True(s.Size(r) >= r / n && s.Size(r) <= r / n + 1);
                    next = s.End(r);
                }
                Assert.Equal(r, next);
            }
    }
}
