using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// Identifies the code that produced a journal. <see cref="Version"/> is the informational version ("0.1.0+commit");
/// <see cref="Fingerprint"/> hashes the module version ids of the assemblies that determine a replication's numbers
/// (RNG, model, analysis, experiments). Builds are deterministic, so the same sources give the same fingerprint and
/// any change to them gives a different one, even without a commit.
/// </summary>
public static class CodeVersion
{
    private static readonly Lazy<string> _version = new(() =>
        typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Simulation).Assembly.GetName().Version?.ToString() ?? "0.0.0");

    private static readonly Lazy<string> _fingerprint = new(() =>
    {
        var sb = new StringBuilder();
        foreach (var asm in new[] { typeof(Alliances.Rng.Streams).Assembly, typeof(Simulation).Assembly,
                     typeof(Alliances.Analysis.Statistics.QuantileSketch).Assembly, typeof(ReplicationInputs).Assembly })
            sb.Append(asm.GetName().Name).Append(':').Append(asm.ManifestModule.ModuleVersionId.ToString("N")).Append(';');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    });

    public static string Version => _version.Value;

    /// <summary>The commit the model was built from (the part of the informational version after '+'), or "unknown".</summary>
    public static string GitCommit
    {
        get
        {
            int plus = Version.IndexOf('+');
            return plus >= 0 && plus < Version.Length - 1 ? Version[(plus + 1)..] : "unknown";
        }
    }

    public static string Fingerprint => _fingerprint.Value;
}
