using System.Globalization;
using System.Text;

namespace Alliances.Experiments.Validation;

/// <summary>
/// One checked statistic of a calibration target: the expected pattern, the statistic's name, the model's value with
/// its 95 % confidence interval (NaN when it has none, e.g. structural checks) and whether it passes.
/// </summary>
public sealed record ValidationCheck(string Target, string Expected, string Statistic, double Value, double Ci95Low, double Ci95High, bool Pass);

/// <summary>A calibration target of brief §9 and its checks; it passes when every check passes.</summary>
public sealed record TargetOutcome(string Id, string Title, IReadOnlyList<ValidationCheck> Checks)
{
    public bool Pass => Checks.Count > 0 && Checks.All(c => c.Pass);
}

/// <summary>The outcome of <see cref="CalibrationValidator.Run"/>.</summary>
public sealed record ValidationReport(int Replications, IReadOnlyList<TargetOutcome> Targets, TimeSpan Duration, long Runs)
{
    public bool Pass => Targets.All(t => t.Pass);
    public IEnumerable<ValidationCheck> Checks => Targets.SelectMany(t => t.Checks);
}

/// <summary>validation.csv: one row per check, written atomically (temporary file in the folder, then renamed).</summary>
public static class ValidationCsv
{
    public const string FileName = "validation.csv";
    public const string Header = "target,expected,statistic,value,ci95_low,ci95_high,pass";

    public static string Format(ValidationReport report)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var c in report.Checks)
        {
            sb.Append(Field(c.Target)).Append(',').Append(Field(c.Expected)).Append(',').Append(Field(c.Statistic)).Append(',')
              .Append(Num(c.Value)).Append(',').Append(Num(c.Ci95Low)).Append(',').Append(Num(c.Ci95High)).Append(',')
              .Append(c.Pass ? "true" : "false").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes DIR/validation.csv atomically (creating DIR) and returns its path.</summary>
    public static string Write(string directory, ValidationReport report)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Format(report));
        return path;
    }

    private static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
