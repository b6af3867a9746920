namespace Alliances.Experiments.Comparison;

/// <summary>
/// Runs work items [first, end) on T worker threads and hands their results to a single committer (the calling thread)
/// strictly in index order, through a bounded reorder buffer: a worker may start item i only while
/// i &lt; next-to-commit + window, so at most <c>window</c> results wait in memory whatever the scheduling.
/// <para>Cancellation: workers stop claiming items and abandon the ones in flight; the committer still commits every
/// result that is contiguous with the committed prefix, then returns. An exception in a worker or in the committer
/// stops everything and is rethrown after all threads have ended.</para>
/// </summary>
public static class OrderedParallelRunner
{
    /// <summary>Returns the number of items committed (end - first when not cancelled).</summary>
    public static long Run<T>(long first, long end, int threads, Func<long, CancellationToken, T> work, Action<long, T> commit,
        CancellationToken cancellation = default, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(commit);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
        if (end <= first) return 0;
        threads = (int)Math.Min(threads, end - first);
        if (window <= 0) window = 2 * threads;
        window = Math.Max(window, threads);

        var gate = new object();
        var done = new Dictionary<long, T>();
        long nextClaim = first, nextCommit = first;
        int running = threads;
        bool stop = false;
        Exception? failure = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = linked.Token;

        void Worker()
        {
            try
            {
                while (true)
                {
                    long i;
                    lock (gate)
                    {
                        while (!stop && !token.IsCancellationRequested && nextClaim < end && nextClaim - nextCommit >= window)
                            Monitor.Wait(gate, 200);
                        if (stop || token.IsCancellationRequested || nextClaim >= end) return;
                        i = nextClaim++;
                    }
                    T result;
                    try { result = work(i, token); }
                    catch (OperationCanceledException) when (token.IsCancellationRequested) { return; }
                    lock (gate)
                    {
                        done[i] = result;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= e;
                    stop = true;
                }
                linked.Cancel();
            }
            finally
            {
                lock (gate)
                {
                    running--;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var pool = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            pool[t] = new Thread(Worker) { IsBackground = true, Name = $"replication-worker-{t}" };
            pool[t].Start();
        }

        long committed = 0;
        try
        {
            while (true)
            {
                T item;
                long index;
                lock (gate)
                {
                    while (!done.ContainsKey(nextCommit) && running > 0 && !stop) Monitor.Wait(gate, 200);
                    if (stop || !done.Remove(nextCommit, out item!)) break;
                    index = nextCommit;
                }
                commit(index, item);
                committed++;
                lock (gate)
                {
                    nextCommit++;
                    Monitor.PulseAll(gate);
                    if (nextCommit >= end) break;
                }
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                failure ??= e;
                stop = true;
                Monitor.PulseAll(gate);
            }
            linked.Cancel();
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            foreach (var th in pool) th.Join();
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return committed;
    }
}
