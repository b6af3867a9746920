using System.Globalization;
using System.Text;

namespace Alliances.Experiments.Comparison;

/// <summary>Builds the exact <c>alliances compare</c> command that (re-)runs a shard, from a recorded invocation.</summary>
public static class CompareCommandLine
{
    public static string For(CompareInvocation inv, ShardSpec shard, string outDir, bool resume)
    {
        var sb = new StringBuilder("alliances compare ");
        sb.Append(Quote(inv.ScenarioFile));
        if (inv.Designs.Count > 0) sb.Append(" --designs ").Append(Quote(string.Join(",", inv.Designs)));
        sb.Append(" --replications ").Append(inv.Replications.ToString(CultureInfo.InvariantCulture));
        sb.Append(" --seed ").Append(inv.Seed.ToString(CultureInfo.InvariantCulture));
        if (!shard.IsWhole) sb.Append(" --shard ").Append(shard.ToString());
        sb.Append(" --out ").Append(Quote(outDir));
        if (resume) sb.Append(" --resume");
        return sb.ToString();
    }

    /// <summary>
    /// The folder a missing shard would most likely have used, guessed from a sibling's folder: its own shard number
    /// replaced when the folder name carries it ("-shard-2-of-8", "2of8", "2-of-8", "s2"), else the default suffix.
    /// </summary>
    public static string GuessShardOut(string siblingOut, ShardSpec sibling, ShardSpec missing)
    {
        string n = sibling.Count.ToString(CultureInfo.InvariantCulture);
        string j = sibling.Index.ToString(CultureInfo.InvariantCulture), i = missing.Index.ToString(CultureInfo.InvariantCulture);
        foreach (var (from, to) in new[] { ($"{j}-of-{n}", $"{i}-of-{n}"), ($"{j}of{n}", $"{i}of{n}"), ($"{j}_of_{n}", $"{i}_of_{n}") })
        {
            int at = siblingOut.LastIndexOf(from, StringComparison.Ordinal);
            if (at >= 0) return siblingOut[..at] + to + siblingOut[(at + from.Length)..];
        }
        // Otherwise the last standalone run of digits equal to the sibling's index in the folder's own name ("s2", "part-2").
        string trimmed = siblingOut.TrimEnd('/', '\\');
        int nameStart = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf('\\')) + 1;
        for (int end = trimmed.Length; end > nameStart; end--)
        {
            if (!char.IsAsciiDigit(trimmed[end - 1]) || (end < trimmed.Length && char.IsAsciiDigit(trimmed[end]))) continue;
            int start = end;
            while (start > nameStart && char.IsAsciiDigit(trimmed[start - 1])) start--;
            if (trimmed[start..end] == j) return trimmed[..start] + i + trimmed[end..];
            end = start + 1;
        }
        return DefaultShardSuffix(trimmed, missing);
    }

    public static string DefaultShardSuffix(string baseDir, ShardSpec shard) =>
        shard.IsWhole ? baseDir : string.Create(CultureInfo.InvariantCulture, $"{baseDir}-shard-{shard.Index}-of-{shard.Count}");

    /// <summary>Default results folder: results/compare-&lt;scenario name&gt;-&lt;seed&gt; (plus the shard suffix).</summary>
    public static string DefaultOut(string scenarioName, ulong seed, ShardSpec shard)
    {
        var sb = new StringBuilder();
        foreach (char c in scenarioName)
            sb.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        string name = sb.Length > 0 ? sb.ToString() : "scenario";
        return DefaultShardSuffix(Path.Combine("results", string.Create(CultureInfo.InvariantCulture, $"compare-{name}-{seed}")), shard);
    }

    private static string Quote(string s)
    {
        if (s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || "-_./,:=+@%".Contains(c))) return s;
        return "'" + s.Replace("'", "'\\''") + "'";
    }
}
