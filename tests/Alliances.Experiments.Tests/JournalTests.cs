using Alliances.Experiments.Comparison;
using Alliances.Reporting.Csv;

namespace Alliances.Experiments.Tests;

public class JournalTests
{
    private static (ComparisonSpec Spec, JournalHeader Header) Spec(TempDir dir, int replications = 5)
    {
        var (scenario, file) = TestScenarios.Write(dir, TestScenarios.Short);
        var spec = ComparisonSpec.Create(scenario, replications: replications);
        return (spec, JournalHeader.For(spec, new CompareInvocation { ScenarioFile = file, Replications = replications }));
    }

    [Fact]
    public void Records_round_trip_exactly()
    {
        using var dir = new TempDir();
        var (spec, header) = Spec(dir);
        string path = dir.Sub("journal.bin");
        var written = new List<ReplicationResult>();
        using (var w = JournalWriter.CreateNew(path, header))
            for (long r = 0; r < 3; r++)
            {
                var result = ReplicationRunner.Run(spec, r);
                written.Add(result);
                w.Append(result);
            }
        using var reader = JournalReader.Open(path);
        Assert.Equal(header.ScenarioHash, reader.Header.ScenarioHash);
        foreach (var expected in written)
        {
            var got = reader.ReadNext();
            Assert.NotNull(got);
            Assert.Equal(expected.Replication, got.Replication);
            Assert.Equal(expected.ReplicationSeed, got.ReplicationSeed);
            Assert.Equal(expected.End, got.End);
            Assert.Equal(expected.Series, got.Series);
            Assert.Equal(expected.Territories, got.Territories);
        }
        Assert.Null(reader.ReadNext());
        Assert.False(reader.TornTail);
    }

    [Theory]
    [InlineData(1)]      // one byte of the last record missing
    [InlineData(5000)]   // a large part missing
    [InlineData(-1)]     // a flipped byte in the last record (checksum mismatch)
    public void A_torn_or_corrupt_last_record_is_ignored_and_cut_on_resume(int damage)
    {
        using var dir = new TempDir();
        var (spec, header) = Spec(dir);
        string path = dir.Sub("journal.bin");
        using (var w = JournalWriter.CreateNew(path, header))
            for (long r = 0; r < 3; r++) w.Append(ReplicationRunner.Run(spec, r));
        long full = new FileInfo(path).Length;
        if (damage > 0)
            using (var fs = new FileStream(path, FileMode.Open)) fs.SetLength(full - damage);
        else
        {
            var bytes = File.ReadAllBytes(path);
            bytes[^100] ^= 0x5A;
            File.WriteAllBytes(path, bytes);
        }
        var (_, records, valid) = Journal.Scan(path);
        Assert.Equal(2, records);
        using (var w = JournalWriter.Open(path, header, valid, records))
        {
            w.Append(ReplicationRunner.Run(spec, 2));
            w.Append(ReplicationRunner.Run(spec, 3));
        }
        var (_, after, length) = Journal.Scan(path);
        Assert.Equal(4, after);
        Assert.Equal(new FileInfo(path).Length, length);
    }

    [Fact]
    public void Writer_refuses_out_of_order_records()
    {
        using var dir = new TempDir();
        var (spec, header) = Spec(dir);
        using var w = JournalWriter.CreateNew(dir.Sub("journal.bin"), header);
        Assert.Throws<InvalidOperationException>(() => w.Append(ReplicationRunner.Run(spec, 1)));
    }

    [Fact]
    public void Not_a_journal_is_reported()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Sub("journal.bin"), "hello");
        Assert.Throws<InvalidDataException>(() => Journal.Scan(dir.Sub("journal.bin")));
    }

    [Fact]
    public void Interrupted_run_resumes_to_identical_files()
    {
        using var dir = new TempDir();
        var reference = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "ref"));
        Assert.Equal(CompareStatus.Completed, reference.Status);

        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(cts, 5);
        var first = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "cut", threads: 2), progress, cts.Token);
        Assert.Equal(CompareStatus.Interrupted, first.Status);
        Assert.InRange(first.Done, 5, 11);
        Assert.Contains("--resume", first.ResumeCommand);
        Assert.False(File.Exists(Path.Combine(dir.Sub("cut"), ComparisonFiles.Manifest)));
        // Simulate a kill in the middle of writing a record: a torn tail.
        using (var fs = new FileStream(Path.Combine(dir.Sub("cut"), Journal.FileName), FileMode.Append)) fs.Write(new byte[123]);

        var second = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "cut", threads: 1, resume: true));
        Assert.Equal(CompareStatus.Completed, second.Status);
        Assert.Equal(first.Done, second.Resumed);
        Folder.AssertSameCsvs(dir.Sub("ref"), dir.Sub("cut"));
    }

    [Fact]
    public void Resume_refuses_a_different_comparison_and_changes_nothing()
    {
        using var dir = new TempDir();
        Assert.Equal(CompareStatus.Completed, CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3)).Status);
        var before = Folder.Snapshot(dir.Sub("out"));
        var cases = new[]
        {
            TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 4, resume: true),
            TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3, seed: 8, resume: true),
            TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3, designs: "balanced,centralized", resume: true),
            TestScenarios.Request(dir, TestScenarios.Short.Replace("\"months\": 12", "\"months\": 13"), "out", replications: 3, resume: true),
            TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3, shard: "1/2", resume: true),
        };
        string[] expected = ["replications: 3 vs 4", "seed: 7 vs 8", "designs:", "contents differ", "shard: 1/1 vs 1/2"];
        for (int i = 0; i < cases.Length; i++)
        {
            var o = CompareJob.Run(cases[i]);
            Assert.Equal(CompareStatus.BadInput, o.Status);
            Assert.Contains("cannot resume", o.Message);
            Assert.Contains(expected[i], o.Message);
        }
        Folder.AssertUnchanged(before, dir.Sub("out"));
        // A complete journal with --resume only rewrites the final files, identically.
        var again = CompareJob.Run(TestScenarios.Request(dir, TestScenarios.Short, "out", replications: 3, resume: true));
        Assert.Equal(CompareStatus.Completed, again.Status);
        Assert.Equal(3, again.Resumed);
        foreach (var f in Folder.Csvs) Assert.Equal(before[f], File.ReadAllBytes(Path.Combine(dir.Sub("out"), f)));
    }

    private sealed class CancelAfter(CancellationTokenSource cts, long after) : ICompareProgress
    {
        public void Start(long total, long alreadyDone) { }
        public void Report(long done) { if (done >= after) cts.Cancel(); }
        public void Stop() { }
    }
}
