using System.Globalization;
using System.Text.RegularExpressions;

namespace Alliances.Reporting.Slurm;

/// <summary>Resources requested for every task of a Slurm job (null: the cluster's default).</summary>
public sealed partial record SlurmResources
{
    public string? Partition { get; init; }
    /// <summary>Wall time per task in a Slurm format: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS.</summary>
    public string? Time { get; init; }
    public int CpusPerTask { get; init; } = 1;
    /// <summary>Memory per node (per array task), e.g. 2G or 1500M.</summary>
    public string? Mem { get; init; }
    public string? Account { get; init; }

    /// <summary>Every problem with the values, as user-facing messages (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Partition is not null && !NameRe().IsMatch(Partition))
            problems.Add($"--partition: '{Partition}' is not a partition name (letters, digits, '_', '-', '.', ',' for a list)");
        if (Account is not null && !NameRe().IsMatch(Account))
            problems.Add($"--account: '{Account}' is not an account name (letters, digits, '_', '-', '.')");
        if (Time is not null && !TimeRe().IsMatch(Time))
            problems.Add($"--time: '{Time}' is not a Slurm time limit (HH:MM:SS, D-HH:MM:SS, MM or MM:SS), e.g. 03:00:00");
        if (Mem is not null && !MemRe().IsMatch(Mem))
            problems.Add($"--mem: '{Mem}' is not a Slurm memory size (an integer with an optional K, M, G or T suffix), e.g. 2G");
        if (CpusPerTask < 1 || CpusPerTask > 4096)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task: {CpusPerTask} is not from 1 to 4096"));
        return problems;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.,+-]{1,128}$")]
    private static partial Regex NameRe();

    [GeneratedRegex(@"^(\d{1,4}-\d{1,2}(:\d{1,2}){0,2}|\d{1,6}(:\d{1,2}){0,2})$")]
    private static partial Regex TimeRe();

    [GeneratedRegex(@"^\d{1,9}[KMGT]?$")]
    private static partial Regex MemRe();
}

/// <summary>
/// A sharded comparison as a Slurm job array: everything the generated scripts need, all paths absolute.
/// Layout of <see cref="Dir"/>: see <see cref="SlurmLayout"/>.
/// </summary>
public sealed record SlurmCompareJob
{
    /// <summary>The self-contained <c>alliances</c> executable the tasks run (absolute).</summary>
    public required string Executable { get; init; }
    /// <summary>The job folder (absolute): scripts, scenario copy, shard folders, logs, merged results.</summary>
    public required string Dir { get; init; }
    /// <summary>The scenario file the tasks read (absolute; normally the copy inside <see cref="Dir"/>).</summary>
    public required string ScenarioFile { get; init; }
    public required string ScenarioName { get; init; }
    /// <summary>Design names passed with --designs, or null to compare the scenario's designs.</summary>
    public IReadOnlyList<string>? Designs { get; init; }
    public required int Replications { get; init; }
    public required ulong Seed { get; init; }
    public required int Shards { get; init; }
    public SlurmResources Resources { get; init; } = new();
    /// <summary>Where the scenario came from (for the README only).</summary>
    public string? OriginalScenario { get; init; }

    /// <summary>Job name: alliances-&lt;scenario name&gt; with anything unusual replaced by '-'.</summary>
    public string JobName
    {
        get
        {
            var chars = ScenarioName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
            string name = new string(chars).Trim('-');
            if (name.Length == 0) name = "scenario";
            if (name.Length > 40) name = name[..40];
            return "alliances-" + name;
        }
    }

    /// <summary>Problems that make the job impossible (user-facing messages; empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Resources.Validate());
        if (Shards < 1) problems.Add(string.Create(CultureInfo.InvariantCulture, $"--shards must be at least 1, got {Shards}"));
        if (Replications < 1) problems.Add(string.Create(CultureInfo.InvariantCulture, $"--replications must be at least 1, got {Replications}"));
        else if (Shards > Replications)
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--shards {Shards} is more than the {Replications} replications: every shard needs at least one replication"));
        foreach (var (what, path) in new[] { ("executable", Executable), ("job folder", Dir), ("scenario", ScenarioFile) })
        {
            if (!Path.IsPathRooted(path)) problems.Add($"{what} path must be absolute: {path}");
            if (path.Any(char.IsControl)) problems.Add($"{what} path must not contain control characters: {path}");
        }
        // DIR appears in #SBATCH lines (--chdir, --output, --error), which Slurm does not unquote and where '%' is a pattern.
        if (Dir.Any(c => !(char.IsLetterOrDigit(c) || "_./+@,:=-".Contains(c))))
            problems.Add($"--out: '{Dir}' must contain only letters, digits and _ . / + @ , : = - (it appears in #SBATCH lines); choose another folder");
        return problems;
    }
}

/// <summary>File names inside a Slurm job folder.</summary>
public static class SlurmLayout
{
    public const string ArrayScript = "compare-array.sh";
    public const string MergeScript = "merge.sh";
    public const string SubmitScript = "submit.sh";
    public const string Readme = "README.md";
    public const string Jobs = "jobs.tsv";
    public const string ScenarioDir = "scenario";
    public const string ShardsDir = "shards";
    public const string LogsDir = "logs";
    public const string MergedDir = "merged";

    /// <summary>Folder of shard i (1-based) of n: DIR/shards/shard-i-of-n (the name merge uses to guess a missing shard's folder).</summary>
    public static string ShardDir(string dir, int index, int count) =>
        Path.Combine(dir, ShardsDir, string.Create(CultureInfo.InvariantCulture, $"shard-{index}-of-{count}"));
}
