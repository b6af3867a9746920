using System.Globalization;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// Shard i of n (1-based) of a comparison: a contiguous block of replications, [First, First + Count).
/// Block boundaries are floor((i - 1) R / n) and floor(i R / n), so the n blocks tile 0..R-1 in order and
/// merging the shards' journals in index order replays exactly the replications of an unsharded run.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole => new(1, 1);

    public bool IsWhole => Count == 1;

    public long First(long replications) => (Index - 1) * replications / Count;

    public long End(long replications) => Index * replications / Count;

    public long Size(long replications) => End(replications) - First(replications);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses "i/n" with 1 ≤ i ≤ n; the error says what is wrong.</summary>
    public static bool TryParse(string? text, out ShardSpec shard, out string error)
    {
        shard = Whole;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = "empty shard spec: expected i/n, e.g. 2/8"; return false; }
        int slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"bad shard spec '{text}': expected i/n with whole numbers, e.g. 2/8";
            return false;
        }
        if (n < 1 || i < 1 || i > n)
        {
            error = $"bad shard spec '{text}': need 1 <= i <= n";
            return false;
        }
        shard = new ShardSpec(i, n);
        return true;
    }
}
