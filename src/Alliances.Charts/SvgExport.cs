using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Alliances.Charts;

/// <summary>The library's only I/O: atomic SVG writing and optional PNG conversion via rsvg-convert.</summary>
public static class SvgExport
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="svg"/> as UTF-8 (no BOM) atomically: a temporary file is written in the
    /// same folder, then moved over <paramref name="path"/>. The folder is created if needed.
    /// </summary>
    public static void WriteSvg(string path, string svg)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(svg);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, svg, Utf8NoBom);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Converts an SVG file to PNG with <c>rsvg-convert</c> if it is on PATH. Returns false with a
    /// reason in <paramref name="error"/> when the tool is missing or fails. The PNG is written atomically.
    /// </summary>
    public static bool TryExportPng(string svgPath, string pngPath, out string? error) =>
        TryExportPng(svgPath, pngPath, 1.0, out error);

    /// <summary>As <see cref="TryExportPng(string, string, out string?)"/>, with a zoom factor (e.g. 2 for high-DPI).</summary>
    public static bool TryExportPng(string svgPath, string pngPath, double zoom, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(svgPath) || !File.Exists(svgPath))
        {
            error = $"SVG file not found: '{svgPath}'.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(pngPath))
        {
            error = "PNG path is empty.";
            return false;
        }

        if (!double.IsFinite(zoom) || zoom <= 0 || zoom > 20)
        {
            error = $"Zoom must be in (0, 20] (got {zoom.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }

        string? tool = FindOnPath("rsvg-convert");
        if (tool is null)
        {
            error = "rsvg-convert was not found on PATH (install librsvg2-bin / librsvg).";
            return false;
        }

        string full = Path.GetFullPath(pngPath);
        string dir = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            var psi = new ProcessStartInfo(tool)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (string arg in new[] { "-f", "png", "-z", zoom.ToString("0.###", CultureInfo.InvariantCulture), "-o", temp })
            {
                psi.ArgumentList.Add(arg);
            }

            psi.ArgumentList.Add(Path.GetFullPath(svgPath));
            using var process = Process.Start(psi);
            if (process is null)
            {
                error = "rsvg-convert could not be started.";
                return false;
            }

            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                error = "rsvg-convert timed out after 60 s.";
                return false;
            }

            process.WaitForExit();
            string stderr = stderrTask.GetAwaiter().GetResult().Trim();
            _ = stdoutTask.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || !File.Exists(temp))
            {
                error = $"rsvg-convert failed (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {stderr}";
                return false;
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error = $"PNG export failed: {ex.Message}";
            return false;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        string[] names = OperatingSystem.IsWindows() ? [name + ".exe", name] : [name];
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string n in names)
            {
                try
                {
                    string candidate = Path.Combine(dir.Trim('"'), n);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
                catch (ArgumentException)
                {
                    // Malformed PATH entry: ignore.
                }
            }
        }

        return null;
    }
}
