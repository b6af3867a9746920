using Alliances.Experiments;
namespace Alliances.Reporting.Slurm;

/// <summary>Writes a Slurm job folder: the scenario copy, the scripts of <see cref="SlurmScripts"/> and the empty
/// shards/ and logs/ folders. Shard results, logs and merged results already there are kept.</summary>
public static class SlurmJobFolder
{
    /// <summary>True when <paramref name="dir"/> exists and holds anything.</summary>
    public static bool IsNonEmpty(string dir) => Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any();

    /// <summary>Copies the scenario files (<see cref="ScenarioBundle.Plan"/>; the previous copy is replaced) and writes the
    /// scripts (executable), README.md and jobs.tsv (header only, when absent). Returns the files written.</summary>
    public static IReadOnlyList<string> Write(SlurmCompareJob job, IReadOnlyList<(string Source, string Target)> scenarioCopy)
    {
        var written = new List<string>();
        Directory.CreateDirectory(job.Dir);
        string scenarioDir = Path.Combine(job.Dir, SlurmLayout.ScenarioDir);
        if (Directory.Exists(scenarioDir)) Directory.Delete(scenarioDir, recursive: true);
        foreach (var (source, target) in scenarioCopy)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            written.Add(target);
        }
        Directory.CreateDirectory(Path.Combine(job.Dir, SlurmLayout.ShardsDir));
        Directory.CreateDirectory(Path.Combine(job.Dir, SlurmLayout.LogsDir));

        void Script(string name, string text, bool executable)
        {
            string path = Path.Combine(job.Dir, name);
            AtomicFile.WriteAllText(path, text, executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                  | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                : null);
            written.Add(path);
        }
        Script(SlurmLayout.ArrayScript, SlurmScripts.ArrayScript(job), executable: true);
        Script(SlurmLayout.MergeScript, SlurmScripts.MergeScript(job), executable: true);
        Script(SlurmLayout.SubmitScript, SlurmScripts.SubmitScript(job), executable: true);
        Script(SlurmLayout.Readme, SlurmScripts.Readme(job), executable: false);
        string jobs = Path.Combine(job.Dir, SlurmLayout.Jobs);
        if (!File.Exists(jobs)) File.WriteAllText(jobs, SlurmScripts.JobsHeader);
        return written;
    }

    /// <summary>Appends one submission to jobs.tsv.</summary>
    public static void RecordSubmission(SlurmCompareJob job, DateTime localTime, string arrayJobId, string mergeJobId, string shards)
    {
        string line = string.Join('\t', localTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            arrayJobId, mergeJobId, shards) + "\n";
        File.AppendAllText(Path.Combine(job.Dir, SlurmLayout.Jobs), line);
    }
}
