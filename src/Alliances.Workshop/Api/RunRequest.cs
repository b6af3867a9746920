using System.Text.Json;
using Alliances.Experiments.Scenarios;
using Alliances.Model;
using Alliances.Workshop.Catalog;

namespace Alliances.Workshop.Api;

/// <summary>A client error: HTTP status, a plain message and the JSON path of the offending value ("$" for the body).</summary>
public sealed class ApiException(int status, string message, string path = "$") : Exception(message)
{
    public int Status { get; } = status;
    public string Path { get; } = path;
}

/// <summary>A design of a run: the preset it starts from (if any), the levers changed, and the resolved levers.</summary>
public sealed record DesignSpec(string? Preset, IReadOnlyDictionary<string, object> Changes, Levers Levers);

/// <summary>A validated <c>POST /api/run</c> request.</summary>
public sealed record RunRequest(DesignSpec Design, DesignSpec Reference, int Replications, Lang Lang, string? Exercise);

/// <summary>
/// Parses and validates the body of <c>POST /api/run</c>:
/// <code>
/// { "design":    { "preset": "decentralized", "levers": { "regionalShare": 0.2, "localSplit": "CapacityCompensating" } },
///   "reference": { "preset": "decentralized" },        // optional: the decentralized pole
///   "replications": 32,                                // optional: 2 to the server's cap (default 32)
///   "lang": "fr",                                      // optional: "fr" (default) or "en"
///   "exercise": "equity-without-table" }               // optional: check this exercise's goal after the run
/// </code>
/// Every problem is an <see cref="ApiException"/> (400) naming the JSON path, what was expected and what was found.
/// Lever names, types and ranges come from <see cref="LeverFields"/>, as in scenario files.
/// </summary>
public static class RunRequestParser
{
    public const int DefaultReplications = 32;
    public const int MinReplications = 2;
    public const string DefaultReferencePreset = "decentralized";

    private static readonly string[] TopFields = ["design", "reference", "replications", "lang", "exercise"];
    private static readonly string[] DesignFields = ["preset", "levers"];

    public static RunRequest Parse(ReadOnlyMemory<byte> body, PresetCatalog presets, int maxReplications)
    {
        if (body.IsEmpty) throw new ApiException(400, "empty request body: send a JSON object such as {\"design\": {\"preset\": \"balanced\"}}");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new ApiException(400, "malformed JSON: " + ex.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ApiException(400, $"the request body must be a JSON object with a 'design' field, got {Kind(root)}");
            CheckFields(root, "$", TopFields);

            if (!root.TryGetProperty("design", out var designEl))
                throw new ApiException(400, "required field 'design' is missing: give {\"preset\": \"…\", \"levers\": {…}}", "$.design");
            var design = ParseDesign(designEl, "$.design", presets, null);
            var reference = root.TryGetProperty("reference", out var refEl)
                ? ParseDesign(refEl, "$.reference", presets, null)
                : ParseDesign(default, "$.reference", presets, DefaultReferencePreset);

            int reps = DefaultReplications;
            if (root.TryGetProperty("replications", out var repEl))
            {
                if (repEl.ValueKind != JsonValueKind.Number || !repEl.TryGetInt32(out reps))
                    throw new ApiException(400, $"'replications' must be an integer from {MinReplications} to {maxReplications}, got {Describe(repEl)}", "$.replications");
                if (reps < MinReplications || reps > maxReplications)
                    throw new ApiException(400, $"'replications' must be from {MinReplications} to {maxReplications} (got {reps}): a run must answer within about a second in the room; use 'alliances compare' for large runs", "$.replications");
            }
            else reps = Math.Min(DefaultReplications, maxReplications);

            var lang = Lang.Fr;
            if (root.TryGetProperty("lang", out var langEl))
            {
                lang = langEl.ValueKind == JsonValueKind.String ? langEl.GetString() switch
                {
                    "fr" => Lang.Fr,
                    "en" => Lang.En,
                    _ => throw new ApiException(400, $"'lang' must be \"fr\" or \"en\", got {Describe(langEl)}", "$.lang"),
                } : throw new ApiException(400, $"'lang' must be \"fr\" or \"en\", got {Describe(langEl)}", "$.lang");
            }

            string? exercise = null;
            if (root.TryGetProperty("exercise", out var exEl) && exEl.ValueKind != JsonValueKind.Null)
            {
                if (exEl.ValueKind != JsonValueKind.String)
                    throw new ApiException(400, $"'exercise' must be an exercise id (a string) or null, got {Describe(exEl)}", "$.exercise");
                exercise = exEl.GetString()!;
                if (Exercises.Find(exercise) is null)
                    throw new ApiException(400, $"unknown exercise {Quote(exercise)}; exercises: {string.Join(", ", Exercises.All.Select(e => e.Id))}", "$.exercise");
            }
            return new RunRequest(design, reference, reps, lang, exercise);
        }
    }

    private static DesignSpec ParseDesign(JsonElement el, string path, PresetCatalog presets, string? defaultPreset)
    {
        string? presetId = defaultPreset;
        JsonElement levers = default;
        if (defaultPreset is null)
        {
            if (el.ValueKind != JsonValueKind.Object)
                throw new ApiException(400, $"expected an object such as {{\"preset\": \"balanced\", \"levers\": {{\"regionalShare\": 0.2}}}}, got {Describe(el)}", path);
            CheckFields(el, path, DesignFields);
            if (el.TryGetProperty("preset", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                if (p.ValueKind != JsonValueKind.String)
                    throw new ApiException(400, $"'preset' must be a preset id (a string), got {Describe(p)}", path + ".preset");
                presetId = p.GetString()!;
                if (!presets.TryGet(presetId, out _))
                    throw new ApiException(400, $"unknown preset {Quote(presetId)}; presets: {string.Join(", ", presets.Presets.Select(x => x.Id))}", path + ".preset");
            }
            if (el.TryGetProperty("levers", out levers) && levers.ValueKind != JsonValueKind.Object)
                throw new ApiException(400, $"'levers' must be an object mapping lever names to values, got {Describe(levers)}", path + ".levers");
        }

        var baseLevers = presetId is not null && presets.TryGet(presetId, out var preset) ? preset.Levers : new Levers();
        var overrides = new Dictionary<LeverField, object>();
        var changes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (levers.ValueKind == JsonValueKind.Object)
        {
            CheckNoDuplicates(levers, path + ".levers");
            foreach (var prop in levers.EnumerateObject())
            {
                string lp = path + ".levers." + prop.Name;
                if (!LeverFields.TryGet(prop.Name, out var f))
                {
                    var names = LeverFields.All.Select(x => x.JsonName).ToList();
                    string hint = Suggest(prop.Name, names) is { } s ? $"; did you mean {Quote(s)}?" : "";
                    throw new ApiException(400, $"unknown lever {Quote(prop.Name)}{hint} (GET /api/levers lists them)", lp);
                }
                object value = LeverValue(f, prop.Value, lp);
                overrides[f] = value;
                changes[f.JsonName] = f.IsEnum ? value.ToString()! : value;
            }
        }
        var resolved = LeverFields.With(baseLevers, overrides);
        CheckContradictions(resolved, changes, presetId, path);
        return new DesignSpec(presetId, changes, resolved);
    }

    private static object LeverValue(LeverField f, JsonElement v, string path)
    {
        if (f.IsBool)
        {
            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ApiException(400, $"lever '{f.JsonName}' takes true or false, got {Describe(v)}", path),
            };
        }
        if (f.IsEnum)
        {
            var names = Enum.GetNames(f.Type);
            if (v.ValueKind != JsonValueKind.String)
                throw new ApiException(400, $"lever '{f.JsonName}' takes one of {string.Join(", ", names)} (a string), got {Describe(v)}", path);
            string text = v.GetString()!;
            var match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
                ?? throw new ApiException(400, $"{Quote(text)} is not a value of lever '{f.JsonName}'; allowed: {string.Join(", ", names)}", path);
            return Enum.Parse(f.Type, match);
        }
        if (v.ValueKind != JsonValueKind.Number)
            throw new ApiException(400, $"lever '{f.JsonName}' takes a number from {Inv(f.Min)} to {Inv(f.Max)}, got {Describe(v)}", path);
        double d = v.GetDouble();
        if (!double.IsFinite(d) || d < f.Min || d > f.Max)
            throw new ApiException(400, $"lever '{f.JsonName}' = {v.GetRawText()} is out of range: allowed {Inv(f.Min)} to {Inv(f.Max)}", path);
        if (f.IsInteger)
        {
            if (d != Math.Floor(d))
                throw new ApiException(400, $"lever '{f.JsonName}' takes a whole number from {Inv(f.Min)} to {Inv(f.Max)}, got {v.GetRawText()}", path);
            return (int)d;
        }
        return d;
    }

    /// <summary>The contradictions scenario files reject: table members, or a deciding table, without a regional table.</summary>
    private static void CheckContradictions(Levers levers, Dictionary<string, object> changes, string? preset, string path)
    {
        if (levers.RegionalTable) return;
        string From(string lever) => changes.ContainsKey(lever) ? "" : preset is null ? " (by default)" : $" (from preset '{preset}')";
        var members = LeverFields.TableMemberFlags.Where(n => LeverFields.TryGet(n, out var f) && (bool)f.Get(levers)).ToList();
        if (members.Count > 0)
            throw new ApiException(400,
                $"contradictory levers: regionalTable is false{From("regionalTable")} but {string.Join(", ", members.Select(m => m + From(m)))} "
                + $"{(members.Count == 1 ? "is" : "are")} true; members can only sit on a regional table that exists. Set them to false, or regionalTable to true",
                path + ".levers");
        if (levers.DecisionBody == DecisionBody.RegionalTable)
            throw new ApiException(400,
                $"contradictory levers: decisionBody is RegionalTable{From("decisionBody")} but regionalTable is false{From("regionalTable")}; "
                + "use decisionBody TableDesPrefets, or regionalTable true", path + ".levers");
    }

    private static void CheckFields(JsonElement obj, string path, string[] allowed)
    {
        CheckNoDuplicates(obj, path);
        foreach (var p in obj.EnumerateObject())
        {
            if (Array.IndexOf(allowed, p.Name) >= 0) continue;
            string hint = Suggest(p.Name, allowed) is { } s ? $"; did you mean {Quote(s)}?" : "";
            throw new ApiException(400, $"unknown field {Quote(p.Name)}{hint}; allowed fields: {string.Join(", ", allowed)}",
                path == "$" ? "$." + p.Name : path + "." + p.Name);
        }
    }

    private static void CheckNoDuplicates(JsonElement obj, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
            if (!seen.Add(p.Name))
                throw new ApiException(400, $"field {Quote(p.Name)} is given twice", path + "." + p.Name);
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Describe(JsonElement e)
    {
        if (e.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Undefined) return Kind(e);
        string raw = e.GetRawText();
        return raw.Length > 40 ? $"{Kind(e)} ({raw[..40]}…)" : $"{Kind(e)} ({raw})";
    }

    private static string Quote(string s) => "'" + (s.Length > 60 ? s[..60] + "…" : s) + "'";

    private static string Inv(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The closest name by edit distance (case-insensitive), when close enough to be a typo.</summary>
    internal static string? Suggest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > 64) return null;
        string? best = null;
        int bestD = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestD) (best, bestD) = (c, d);
        }
        return bestD <= Math.Max(2, name.Length / 4) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
