namespace Alliances.Experiments.Scenarios;

/// <summary>One scenario file of a folder: the loaded scenario, or the error that prevented loading it.</summary>
public sealed record CatalogEntry(string Path, Scenario? Scenario, ScenarioException? Error);

/// <summary>The shipped scenarios: every <c>*.json</c> of a folder except JSON schemas (<c>*.schema.json</c>).</summary>
public static class ScenarioCatalog
{
    public const string DefaultDirectory = "scenarios";

    /// <summary>The scenario files of <paramref name="directory"/> (not its subfolders, which hold region files), by file name.</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<CatalogEntry> Load(string directory) =>
        Files(directory).Select(f =>
        {
            try { return new CatalogEntry(f, ScenarioLoader.Load(f), null); }
            catch (ScenarioException ex) { return new CatalogEntry(f, null, ex); }
        }).ToList();

    /// <summary>
    /// A scenario argument: an existing file as given; otherwise a shipped scenario's file name or name in
    /// <paramref name="directory"/> ("rassembleur" → scenarios/rassembleur.json). Null when nothing matches.
    /// </summary>
    public static string? Resolve(string argument, string directory = DefaultDirectory)
    {
        if (File.Exists(argument)) return argument;
        if (!Directory.Exists(directory) || argument.IndexOfAny(['/', '\\']) >= 0) return null;
        var direct = System.IO.Path.Combine(directory, argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? argument : argument + ".json");
        if (File.Exists(direct)) return direct;
        foreach (var f in Files(directory))
        {
            try { if (ScenarioLoader.Load(f).Name == argument) return f; }
            catch (ScenarioException) { }
        }
        return null;
    }

    /// <summary>
    /// The first sentence of a description. Shipped descriptions are bilingual, "FR : ... EN: ...": the part of the
    /// requested language ("en" or "fr") is used when present.
    /// </summary>
    public static string FirstSentence(string description, string language = "en")
    {
        var text = description.Trim();
        int fr = text.IndexOf("FR :", StringComparison.Ordinal) is var a and >= 0 ? a : text.IndexOf("FR:", StringComparison.Ordinal);
        int en = text.IndexOf("EN:", StringComparison.Ordinal);
        if (language == "en" && en >= 0) text = text[(en + 3)..];
        else if (language == "fr" && fr >= 0) text = text[(text.IndexOf(':', fr) + 1)..(en > fr ? en : text.Length)];
        text = text.Trim();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            if (i == text.Length - 1 || char.IsWhiteSpace(text[i + 1])) return text[..(i + 1)];
        }
        return text;
    }
}
