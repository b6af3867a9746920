using System.Diagnostics;
using System.Reflection;

namespace Alliances.Cli.Infrastructure;

/// <summary>Version of the code and git commit of the working directory, for manifests and --version.</summary>
public static class BuildInfo
{
    /// <summary>AssemblyInformationalVersion of the CLI (the Version of Directory.Build.props, plus source revision when known).</summary>
    public static string CodeVersion { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>`git rev-parse HEAD` in the current directory, or null when git or a repository is not available.</summary>
    public static string? GitCommit()
    {
        try
        {
            var psi = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Environment.CurrentDirectory,
            };
            using var p = Process.Start(psi);
            if (p is null) return null;
            var stdout = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(5000)) { try { p.Kill(); } catch (InvalidOperationException) { } return null; }
            var sha = stdout.GetAwaiter().GetResult().Trim();
            return p.ExitCode == 0 && sha.Length >= 40 && sha.All(Uri.IsHexDigit) ? sha : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
