namespace Alliances.Reporting.Csv;

/// <summary>File names of a results folder of <c>alliances compare</c> (docs/CONTRACTS.md).</summary>
public static class ComparisonFiles
{
    public const string Runs = "runs.csv", Summary = "summary.csv", Paired = "paired.csv", Ranks = "ranks.csv",
        Timeseries = "timeseries.csv", Territories = "territories.csv", Manifest = "manifest.json";

    public const string Journal = Alliances.Experiments.Comparison.Journal.FileName;

    /// <summary>The final files, in the order they are written (the manifest last: its presence marks a complete folder).</summary>
    public static IReadOnlyList<string> Final { get; } = [Runs, Summary, Paired, Ranks, Timeseries, Territories, Manifest];

    /// <summary>True when <paramref name="dir"/> holds a journal or any final file.</summary>
    public static bool HoldsResults(string dir) =>
        Directory.Exists(dir) && (File.Exists(Path.Combine(dir, Journal)) || Final.Any(f => File.Exists(Path.Combine(dir, f))));
}
