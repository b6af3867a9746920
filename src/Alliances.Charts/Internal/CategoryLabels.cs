namespace Alliances.Charts.Internal;

/// <summary>Helpers for category-axis labels.</summary>
internal static class CategoryLabels
{
    /// <summary>
    /// Returns the label on one line if it fits in <paramref name="maxWidth"/>, else split on the
    /// space that best balances two lines if both fit; null when it fits on neither.
    /// </summary>
    public static string[]? Wrap(string label, double fs, double maxWidth)
    {
        label = label.Trim();
        if (TextMetrics.Width(label, fs) <= maxWidth)
        {
            return [label];
        }

        string[]? best = null;
        double bestWidth = double.MaxValue;
        for (int i = label.IndexOf(' '); i >= 0; i = label.IndexOf(' ', i + 1))
        {
            string a = label[..i].TrimEnd(), b = label[(i + 1)..].TrimStart();
            double w = Math.Max(TextMetrics.Width(a, fs), TextMetrics.Width(b, fs));
            if (a.Length > 0 && b.Length > 0 && w <= maxWidth && w < bestWidth)
            {
                best = [a, b];
                bestWidth = w;
            }
        }

        return best;
    }
}
