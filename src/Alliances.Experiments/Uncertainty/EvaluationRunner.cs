using System.Diagnostics;
using System.Text.Json;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

/// <summary>Progress callbacks of an evaluation run (called from the committing thread).</summary>
public interface IEvaluationProgress
{
    void Start(long total, long alreadyDone);
    void Report(long done);
    void Stop();
}

/// <summary>The outputs of every row of a plan: <c>this[row, design, metric]</c>.</summary>
public sealed class EvaluationTable
{
    private readonly double[] _data;

    public EvaluationTable(int rows, int designs, int metrics)
    {
        Rows = rows;
        D = designs;
        M = metrics;
        _data = new double[(long)rows * designs * metrics];
    }

    public int Rows { get; }
    public int D { get; }
    public int M { get; }

    public double this[int row, int design, int metric] => _data[((long)row * D + design) * M + metric];

    /// <summary>D × M values of one row (design-major).</summary>
    public ReadOnlySpan<double> Row(int row) => _data.AsSpan((int)((long)row * D * M), D * M);

    internal void Set(int row, ReadOnlySpan<double> values)
    {
        if (values.Length != D * M) throw new InvalidOperationException($"row {row}: expected {D * M} values, got {values.Length}");
        values.CopyTo(_data.AsSpan((int)((long)row * D * M), D * M));
    }

    /// <summary>One metric of one design over every row.</summary>
    public double[] Column(int design, int metric)
    {
        var c = new double[Rows];
        for (int r = 0; r < Rows; r++) c[r] = this[r, design, metric];
        return c;
    }
}

/// <summary>The result of <see cref="EvaluationRunner.Run"/>: the table when every row is done, null when interrupted.</summary>
public sealed record EvaluationRun(EvaluationTable? Table, long Total, long Done, long Resumed, long Ran, TimeSpan Duration)
{
    public bool Completed => Table is not null;
    public double RowsPerSecond => Duration.TotalSeconds > 0 ? Ran / Duration.TotalSeconds : 0;
}

/// <summary>
/// Journals of evaluation runs. They reuse the comparison journal format (<see cref="Journal"/>): one record per row in
/// row order, holding the D × M end metrics (the "region series" block holds one month, the same values as float, and
/// there are no territory series). The header's scenario hash combines the resolved scenario with the sampling plan's
/// fingerprint, so <c>--resume</c> refuses a journal of another plan.
/// </summary>
public static class EvaluationJournal
{
    public const string FileName = "evaluations.bin";

    public static JournalHeader Header(SamplingPlan plan, EvaluationModel model, Scenario scenario, string scenarioHash, CompareInvocation invocation)
    {
        string combined = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(scenarioHash + "\n" + plan.Fingerprint + "\n")));
        return new JournalHeader
        {
            ScenarioName = scenario.Name,
            ScenarioHash = combined,
            Seed = scenario.Seed,
            Replications = plan.RowCount,
            First = 0,
            Count = plan.RowCount,
            Designs = model.Designs.Select(d => new JournalDesign(d.Name, JsonDocument.Parse(ComparisonSpec.LeversJson(d.Levers)).RootElement.Clone())).ToArray(),
            CodeVersion = CodeVersion.Version,
            CodeFingerprint = CodeVersion.Fingerprint,
            Metrics = model.Metrics.Select(m => m.Name).ToArray(),
            Months = 1,
            Invocation = invocation,
        };
    }

    /// <summary>
    /// For --resume: the number of valid records of the journal at <paramref name="path"/> and their byte length, or a
    /// message saying why it cannot be continued with <paramref name="header"/>.
    /// </summary>
    public static (long Records, long ValidLength, string? Problem) Check(string path, JournalHeader header)
    {
        try
        {
            var (old, n, length) = Journal.Scan(path);
            var diffs = old.Differences(header, includeShard: true)
                .Select(d => d.StartsWith("scenario '", StringComparison.Ordinal) && d.Contains("contents differ", StringComparison.Ordinal)
                    ? "the scenario or the sampling plan (method, samples, seed, factors) differs" : d)
                .ToList();
            if (diffs.Count > 0) return (0, 0, $"its journal is for a different run ({string.Join("; ", diffs)})");
            return (n, length, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (0, 0, e.Message);
        }
    }
}

/// <summary>
/// Evaluates the rows of a plan on T threads (<see cref="OrderedParallelRunner"/>), committing each row, in row order, to
/// the table and to the journal. The table depends only on the plan and the model: identical for any thread count and
/// any resume point.
/// </summary>
public static class EvaluationRunner
{
    /// <summary>Every row, no journal.</summary>
    public static EvaluationTable RunInMemory(SamplingPlan plan, EvaluationModel model, int threads, CancellationToken cancellation = default)
    {
        var run = Run(plan, model, threads, null, null, 0, -1, null, cancellation);
        cancellation.ThrowIfCancellationRequested();
        return run.Table!;
    }

    /// <summary>
    /// Runs rows <paramref name="resumeRecords"/>..end. With a journal path: a new journal is created when
    /// <paramref name="resumeRecords"/> is 0 and no journal should be continued (<paramref name="validLength"/> &lt; 0);
    /// otherwise its first <paramref name="resumeRecords"/> records (checked by <see cref="EvaluationJournal.Check"/>) are
    /// read back and the rest appended after <paramref name="validLength"/> bytes.
    /// </summary>
    public static EvaluationRun Run(SamplingPlan plan, EvaluationModel model, int threads, string? journalPath, JournalHeader? header,
        long resumeRecords, long validLength, IEvaluationProgress? progress, CancellationToken cancellation)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
        var clock = Stopwatch.StartNew();
        int d = model.Designs.Count, m = model.Metrics.Count;
        long total = plan.RowCount;
        var table = new EvaluationTable(plan.RowCount, d, m);
        JournalWriter? writer = null;
        if (journalPath is not null)
        {
            ArgumentNullException.ThrowIfNull(header);
            if (resumeRecords > 0 || validLength >= 0)
            {
                using (var reader = JournalReader.Open(journalPath))
                {
                    for (long r = 0; r < resumeRecords; r++)
                    {
                        var rec = reader.ReadNext() ?? throw new InvalidDataException($"{journalPath}: record {r} is missing");
                        table.Set((int)r, rec.End);
                    }
                }
                writer = JournalWriter.Open(journalPath, header, validLength, resumeRecords);
            }
            else writer = JournalWriter.CreateNew(journalPath, header);
        }
        else resumeRecords = 0;

        long done = resumeRecords;
        long ran;
        progress?.Start(total, done);
        try
        {
            using (writer)
            {
                ran = OrderedParallelRunner.Run(resumeRecords, total, threads,
                    (row, ct) => model.Evaluate(plan.Replication[row], plan.Values[row], ct),
                    (row, values) =>
                    {
                        if (values.Length != d * m) throw new InvalidOperationException($"row {row}: the model returned {values.Length} values, expected {d * m}");
                        if (writer is not null)
                        {
                            var series = new float[values.Length];
                            for (int i = 0; i < values.Length; i++) series[i] = (float)values[i];
                            writer.Append(new ReplicationResult(row, ReplicationInputs.ReplicationSeed(header!.Seed, plan.Replication[row]), values, series, []));
                        }
                        table.Set((int)row, values);
                        done++;
                        progress?.Report(done);
                    },
                    cancellation);
            }
        }
        finally
        {
            progress?.Stop();
        }
        return new EvaluationRun(done == total ? table : null, total, done, resumeRecords, ran, clock.Elapsed);
    }
}
