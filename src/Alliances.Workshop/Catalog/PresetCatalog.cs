using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Workshop.Catalog;

/// <summary>A design a trainer can start from: a named lever vector with its group (the scenario file it comes from).</summary>
public sealed record Preset(string Id, string Design, string Group, Text GroupLabel, Text Label, Levers Levers);

/// <summary>
/// The designs offered by the workshop and the scenario every run uses.
/// <list type="bullet">
/// <item>Runs use <c>scenarios/default.json</c> (its region generator, parameter uncertainty, shocks, seed and 72-month
/// edition); without it, the built-in <see cref="Scenario"/> defaults.</item>
/// <item>Presets are the designs of every shipped scenario file (the three poles of default.json first, then the
/// third-edition candidates, then the other files); a design repeated with the same levers (e.g. inherited through
/// "extends") is listed once. The three built-in poles are always present.</item>
/// </list>
/// </summary>
public sealed class PresetCatalog
{
    public const string DefaultScenarioFile = "default.json";
    public const string PolesGroup = "poles";

    private readonly Dictionary<string, Preset> _byId;

    private PresetCatalog(Scenario scenario, string scenarioSource, List<Preset> presets, List<string> warnings)
    {
        Scenario = scenario;
        ScenarioSource = scenarioSource;
        Presets = presets;
        Warnings = warnings;
        _byId = presets.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The scenario every run uses (region generator, uncertainty, shocks, seed, 72 months).</summary>
    public Scenario Scenario { get; }

    /// <summary>Path of the scenario file, or "built-in".</summary>
    public string ScenarioSource { get; }

    public IReadOnlyList<Preset> Presets { get; }

    /// <summary>Scenario files that could not be read (they are skipped; the server still starts).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool TryGet(string id, out Preset preset) => _byId.TryGetValue(id, out preset!);

    private static readonly Dictionary<string, Text> PoleLabels = new(StringComparer.Ordinal)
    {
        ["centralized"] = new("Centralisé", "Centralized"),
        ["decentralized"] = new("Décentralisé (2017-2023)", "Decentralized (2017-2023)"),
        ["balanced"] = new("Équilibré (recommandé)", "Balanced (recommended)"),
    };

    private static readonly Text PolesLabel = new("Les trois pôles", "The three poles");

    /// <summary>Only the three built-in poles, run on the built-in scenario (no scenario folder).</summary>
    public static PresetCatalog BuiltIn() => Load(null);

    /// <summary>Loads presets from <paramref name="scenariosDir"/> (null or missing: built-in presets only).</summary>
    public static PresetCatalog Load(string? scenariosDir)
    {
        var warnings = new List<string>();
        var presets = new List<Preset>();
        Scenario? run = null;
        string source = "built-in";
        var loaded = new List<(Scenario S, string File)>();

        if (scenariosDir is not null && Directory.Exists(scenariosDir))
        {
            foreach (string file in Directory.GetFiles(scenariosDir, "*.json").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file).EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)) continue;
                try
                {
                    loaded.Add((ScenarioLoader.Load(file), file));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A broken file (e.g. one being edited) must not keep the workshop from starting.
                    warnings.Add($"{Path.GetFileName(file)} skipped: {ex.Message.Split('\n')[0]}");
                }
            }
            var def = loaded.FirstOrDefault(l => Path.GetFileName(l.File) == DefaultScenarioFile);
            if (def.S is not null)
            {
                run = def.S;
                source = def.File;
            }
            else warnings.Add($"{DefaultScenarioFile} not found or invalid in {scenariosDir}: runs use the built-in scenario");
        }
        else if (scenariosDir is not null) warnings.Add($"scenario folder {scenariosDir} not found: built-in presets and scenario");

        run ??= new Scenario { Name = "built-in" };

        // Default first, then third-edition candidates, then the others, each by name.
        var ordered = loaded.OrderBy(l => Path.GetFileName(l.File) == DefaultScenarioFile ? 0 : IsThirdEdition(l.S) ? 1 : 2)
            .ThenBy(l => l.S.Name, StringComparer.Ordinal);
        var seen = new Dictionary<string, Levers>(StringComparer.Ordinal);
        foreach (var (s, file) in ordered)
        {
            bool isDefault = Path.GetFileName(file) == DefaultScenarioFile;
            string group = isDefault ? PolesGroup : s.Name;
            var groupLabel = isDefault ? PolesLabel : GroupLabel(s);
            foreach (var d in s.Designs)
            {
                if (seen.TryGetValue(d.Name, out var levers) && levers == d.Levers) continue; // same design, listed once
                string id = seen.ContainsKey(d.Name) ? $"{s.Name}/{d.Name}" : d.Name;
                if (seen.ContainsKey(id)) continue;
                seen[id] = d.Levers;
                presets.Add(new Preset(id, d.Name, group, groupLabel, Label(d.Name, isDefault), d.Levers));
            }
        }
        foreach (var (name, levers) in Designs.Presets)
        {
            if (seen.ContainsKey(name)) continue;
            seen[name] = levers;
            presets.Insert(presets.Count(p => p.Group == PolesGroup), new Preset(name, name, PolesGroup, PolesLabel, Label(name, true), levers));
        }
        return new PresetCatalog(run, source, presets, warnings);
    }

    private static Text Label(string design, bool pole) =>
        pole && PoleLabels.TryGetValue(design, out var t) ? t : new Text(design, design);

    private static bool IsThirdEdition(Scenario s)
    {
        string text = (s.Name + " " + s.Description).ToLowerInvariant();
        return text.Contains("third") || text.Contains("troisième") || text.Contains("troisieme") || text.Contains("2024")
            || text.Contains("candidate") || text.Contains("candidat");
    }

    /// <summary>A group label from the scenario description ("FR : short title : details. EN: short title: details."),
    /// falling back to the scenario name.</summary>
    private static Text GroupLabel(Scenario s)
    {
        string desc = s.Description ?? "";
        int en = desc.IndexOf("EN:", StringComparison.Ordinal);
        string fr = en >= 0 ? desc[..en] : desc;
        string eng = en >= 0 ? desc[(en + 3)..] : "";
        fr = fr.Trim();
        if (fr.StartsWith("FR", StringComparison.Ordinal)) fr = fr[2..].TrimStart(' ', '\u00A0', ':');
        return new Text(Head(fr) ?? s.Name, Head(eng) ?? Head(fr) ?? s.Name);
    }

    private static string? Head(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        int cut = text.Length;
        foreach (string stop in new[] { " :", "\u00A0:", ": ", ". " })
        {
            int i = text.IndexOf(stop, StringComparison.Ordinal);
            if (i > 0 && i < cut) cut = i;
        }
        string head = text[..cut].Trim().TrimEnd('.');
        return head.Length is > 0 and <= 90 ? head : null;
    }

    /// <summary>
    /// The shipped scenario folder: <c>scenarios/</c> holding default.json, searched from the current directory upward,
    /// then from the executable's directory upward. Null when none is found.
    /// </summary>
    public static string? FindScenariosDirectory()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "scenarios");
                if (File.Exists(Path.Combine(candidate, DefaultScenarioFile))) return candidate;
            }
        }
        return null;
    }
}
