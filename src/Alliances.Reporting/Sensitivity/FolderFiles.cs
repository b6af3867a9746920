using System.Globalization;
using System.Text;
using System.Text.Json;
using Alliances.Charts;
using Alliances.Experiments.Uncertainty;
using Alliances.Reporting.Csv;

namespace Alliances.Reporting.Sensitivity;

/// <summary>
/// Files of one results folder written to temporary names and renamed into place together at the end, so a folder
/// never holds a half-written file; the JSON manifest is renamed last.
/// </summary>
internal sealed class FolderFiles : IDisposable
{
    private readonly string _dir;
    private readonly List<(string Temp, string Final)> _pending = [];

    public FolderFiles(string dir)
    {
        _dir = dir;
        Directory.CreateDirectory(dir);
    }

    /// <summary>A temporary path that becomes <paramref name="name"/> on <see cref="Commit"/>.</summary>
    public string Temp(string name)
    {
        string final = Path.Combine(_dir, name);
        string tmp = Path.Combine(_dir, "." + name + ".tmp");
        _pending.Add((tmp, final));
        return tmp;
    }

    public CsvText Csv(string name) => new(Temp(name));

    public void Svg(string name, Chart chart) => File.WriteAllText(Temp(name), chart.ToSvg(), new UTF8Encoding(false));

    public void Json(string name, Action<Utf8JsonWriter> write)
    {
        using var fs = new FileStream(Temp(name), FileMode.Create, FileAccess.Write, FileShare.None);
        using var w = new Utf8JsonWriter(fs, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        w.WriteStartObject();
        write(w);
        w.WriteEndObject();
    }

    public void Commit()
    {
        foreach (var (tmp, final) in _pending) File.Move(tmp, final, overwrite: true);
        _pending.Clear();
    }

    public void Dispose()
    {
        foreach (var (tmp, _) in _pending)
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>factors.csv: one row per factor with its distribution and support (the bounds of scenario discovery).</summary>
    public void WriteFactors(IReadOnlyList<Factor> factors)
    {
        using var csv = Csv("factors.csv");
        csv.Header("factor", "kind", "origin", "tag", "distribution", "low", "high", "integer");
        foreach (var f in factors)
        {
            csv.Field(f.Name).Field(KindName(f)).Field(f.Origin)
               .Field(f.Parameter?.Tag.ToString() ?? "").Field(f.DistributionText).Field(f.Low).Field(f.High)
               .Field(f.IsInteger ? "true" : "false").End();
        }
    }

    public static void WriteFactorArray(Utf8JsonWriter w, IReadOnlyList<Factor> factors)
    {
        w.WriteStartArray("factors");
        foreach (var f in factors)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("kind", KindName(f));
            w.WriteString("origin", f.Origin);
            w.WriteString("distribution", f.DistributionText);
            w.WriteNumber("low", f.Low);
            w.WriteNumber("high", f.High);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string KindName(Factor f) => f.Kind switch
    {
        FactorKind.Parameter => "parameter",
        FactorKind.Lever => "lever",
        _ => "noise",
    };

    /// <summary>A number, or null when it is not finite (JSON has no NaN).</summary>
    public static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>A file-name-safe form of a metric or design name.</summary>
    public static string Safe(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        return sb.ToString();
    }

    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
