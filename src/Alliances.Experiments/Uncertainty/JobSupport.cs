using System.Globalization;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Uncertainty;

public enum JobStatus { Completed, BadInput, Interrupted }

/// <summary>Thrown inside a job for bad input; turned into a <see cref="JobStatus.BadInput"/> outcome.</summary>
public sealed class JobInputException(string message) : Exception(message);

/// <summary>Shared validation and folder handling of the sensitivity and robustness jobs.</summary>
internal static class JobSupport
{
    public static int Threads(int? threads)
    {
        int t = threads ?? Environment.ProcessorCount;
        if (t < 1) throw new JobInputException($"--threads must be at least 1, got {t}");
        return t;
    }

    /// <summary>Metric indices of the catalog for a comma-separated list (null or empty: <paramref name="defaults"/>).</summary>
    public static int[] Metrics(string? commaList, IEnumerable<MetricDef> defaults)
    {
        if (string.IsNullOrWhiteSpace(commaList)) return defaults.Select(m => m.Index).ToArray();
        var list = new List<int>();
        foreach (var raw in commaList.Split(','))
        {
            string name = raw.Trim();
            if (name.Length == 0) throw new JobInputException($"--metrics: empty metric name in '{commaList}'");
            if (!MetricCatalog.TryGet(name, out var def))
                throw new JobInputException($"--metrics: unknown metric '{name}'; metrics: {string.Join(", ", MetricCatalog.All.Select(m => m.Name))}");
            if (list.Contains(def.Index)) throw new JobInputException($"--metrics: '{name}' is listed twice");
            list.Add(def.Index);
        }
        return list.ToArray();
    }

    public static IReadOnlyList<Evidence>? Tags(string? include)
    {
        if (include is null) return null;
        if (!UncertaintySpec.TryParseTags(include, out var tags, out var error)) throw new JobInputException("--include: " + error);
        return tags;
    }

    public static string ScenarioHash(Scenario scenario, IReadOnlyList<NamedDesign> designs)
    {
        try { return ComparisonSpec.Create(scenario, designs, 1).ScenarioHash; }
        catch (ArgumentException e) { throw new JobInputException(e.Message); }
    }

    /// <summary>
    /// Validates the output folder and the journal before anything is written, like <c>compare</c>: a folder holding
    /// results is refused unless --resume (continue its journal, refused when the journal is of another run) or --force
    /// (start again). Then creates the folder and checks it is writable. Returns the journal records to keep and their
    /// byte length (−1: create a new journal).
    /// </summary>
    public static (long Records, long ValidLength) PrepareFolder(string outDir, string journal, JournalHeader header, bool resume, bool force,
        IReadOnlyList<string> resultFiles)
    {
        if (File.Exists(outDir)) throw new JobInputException($"--out: '{outDir}' is a file, not a folder");
        bool hasJournal = File.Exists(journal);
        bool holdsResults = resultFiles.Any(f => File.Exists(Path.Combine(outDir, f)));
        long records = 0, validLength = -1;
        if (resume && hasJournal)
        {
            var (n, length, problem) = EvaluationJournal.Check(journal, header);
            if (problem is not null) throw new JobInputException($"cannot resume {outDir}: {problem}");
            records = n;
            validLength = length;
        }
        else if (resume && holdsResults && !force)
            throw new JobInputException($"cannot resume {outDir}: it holds results but no {Path.GetFileName(journal)}; choose another --out");
        else if (!resume && (holdsResults || hasJournal) && !force)
            throw new JobInputException($"'{outDir}' already holds results; pass --resume to continue them, --force to replace them, or choose another --out");
        try
        {
            Directory.CreateDirectory(outDir);
            string probe = Path.Combine(outDir, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new JobInputException($"--out: cannot write to '{outDir}': {e.Message}");
        }
        if (validLength < 0 && force)
        {
            foreach (var f in resultFiles) File.Delete(Path.Combine(outDir, f));
            foreach (var svg in Directory.GetFiles(outDir, "*.svg")) File.Delete(svg);
        }
        return (records, validLength);
    }

    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./,=:+@".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
