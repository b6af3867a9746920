using Alliances.Experiments.Comparison;
using Alliances.Rng;

namespace Alliances.Experiments.Tests;

public class OrderedParallelRunnerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Commits_in_order_with_a_bounded_buffer(int threads)
    {
        var committed = new List<long>();
        int inFlight = 0, maxAhead = 0;
        long lastCommitted = 9;
        OrderedParallelRunner.Run(10, 70, threads,
            (i, _) =>
            {
                int now = Interlocked.Increment(ref inFlight);
                var rng = Streams.Create(1, i, Purpose.Sampling);
                Thread.Sleep(rng.NextInt(4));
                lock (committed) maxAhead = Math.Max(maxAhead, (int)(i - Interlocked.Read(ref lastCommitted)));
                Interlocked.Decrement(ref inFlight);
                return i * 10;
            },
            (i, v) =>
            {
                Assert.Equal(i * 10, v);
                committed.Add(i);
                Interlocked.Exchange(ref lastCommitted, i);
            });
        Assert.Equal(Enumerable.Range(10, 60).Select(i => (long)i), committed);
        Assert.True(maxAhead <= 2 * threads + 1, $"a worker ran {maxAhead} items ahead of the commits");
    }

    [Fact]
    public void A_failing_item_stops_the_run_and_rethrows()
    {
        var committed = new List<long>();
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallelRunner.Run(0, 100, 3,
            (i, _) => i == 17 ? throw new InvalidOperationException("boom") : i,
            (i, _) => committed.Add(i)));
        Assert.Equal("boom", e.Message);
        Assert.True(committed.Count <= 17);
        Assert.Equal(Enumerable.Range(0, committed.Count).Select(i => (long)i), committed);
    }

    [Fact]
    public void Cancellation_keeps_a_contiguous_committed_prefix()
    {
        using var cts = new CancellationTokenSource();
        var committed = new List<long>();
        long n = OrderedParallelRunner.Run(0, 1000, 2,
            (i, ct) => { Thread.Sleep(1); ct.ThrowIfCancellationRequested(); return i; },
            (i, _) => { committed.Add(i); if (i == 20) cts.Cancel(); },
            cts.Token);
        Assert.Equal(committed.Count, n);
        Assert.InRange(n, 21, 30);
        Assert.Equal(Enumerable.Range(0, committed.Count).Select(i => (long)i), committed);
    }
}
