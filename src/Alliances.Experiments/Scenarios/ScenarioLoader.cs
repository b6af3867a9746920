using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliances.Model;

namespace Alliances.Experiments.Scenarios;

/// <summary>
/// Reads scenario files (JSON with comments and trailing commas) into a resolved <see cref="Scenario"/>.
/// <para>Format (every field optional except <c>name</c>):</para>
/// <code>
/// { "$schema": "...",                       // ignored (editor support)
///   "name": "default", "description": "...",
///   "extends": "base.json",                 // relative to this file; objects merge recursively, this file wins;
///                                           // parameter entries and a region given in another form replace the base's
///   "inheritDesigns": false,                // with "extends": drop the base's designs and defaultDesign (default true:
///                                           // designs merge by name like every object)
///   "seed": 20180401, "replications": 200,
///   "edition": { "months": 72, "extensionMonths": 0, "extensionEnvelope": 1240000 },
///   "shocks": { "pandemic": true, "pandemicStart": 23, "pandemicMonths": 18, "fundingGap": false, "gapStart": 36,
///               "gapMonths": 18, "bridgingShare": 0, "elections": false, "electionMonths": [43] },
///   "region": { "generator": { "territories": 10, ... } }                        // synthetic, drawn per replication
///          or { "territories": [ { "name": "A", "population": 1, ... } ], "priorRegionalConcertation": 0.5, ... }
///          or { "file": "regions/x.json" },                                     // a file holding either form above
///          (any form may add "envelopeFromAllocation": { "budget": 144900000, "rule": "asIs", "region": "B",
///           "regions": [ { "name": "B", "previousAllocation": 5e6, "population": 2e5, "deprivation": 0.5, "density": 10 } ] }:
///           the region's envelope is its share of the budget by the inter-regional allocation rule; see Allocation/)
///   "parameters": { "p": 0.3, "q": { "uniform": [lo, hi] }, "r": { "triangular": [lo, mode, hi] },
///                   "s": { "normal": [mean, sd] }, "t": { "fixed": v } },
///   "designs": { "mine": { "preset": "decentralized", "levers": { "regionalShare": 0.25 } } },  // absent: the three presets
///   "defaultDesign": "balanced",
///   "uncertainty": { "includeRegistry": "U", "exclude": [...], "explore": { "balanced.regionalShare": [0, 0.4] } } }  // see UncertaintySpec
/// </code>
/// Every problem found is reported with file, line, column and JSON path in a <see cref="ScenarioException"/>.
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly string[] TopFields =
        ["$schema", "name", "description", "extends", "seed", "replications", "edition", "shocks", "region", "parameters", "designs", "defaultDesign", "uncertainty", "inheritDesigns"];
    private static readonly string[] EditionFields = ["months", "extensionMonths", "extensionEnvelope"];
    private static readonly string[] ShockFields =
        ["pandemic", "pandemicStart", "pandemicMonths", "fundingGap", "gapStart", "gapMonths", "bridgingShare", "elections", "electionMonths"];
    private static readonly string[] RegionForms = ["generator", "territories", "file"];
    private static readonly string[] GeneratorFields =
    [
        "territories", "populationMedian", "populationLogSd", "deprivationMean", "resourcesMean", "historyMean",
        "betaConcentration", "densityResourceLink", "envelope", "regionalAttributeLow", "regionalAttributeHigh",
    ];
    private static readonly string[] ExplicitRegionFields =
        ["name", "territories", "priorRegionalConcertation", "leaderContinuity", "electedPartnerRelations", "partnerDensity", "lpesExperience", "envelope"];
    private static readonly string[] TerritoryFields =
        ["name", "population", "deprivation", "density", "resources", "expertise", "communityCapital", "concertationHistory", "participationCulture"];
    private static readonly string[] DistributionFields = ["fixed", "uniform", "triangular", "normal"];
    private static readonly string[] DesignFields = ["preset", "levers"];

    public const int MaxMonths = 240;
    /// <summary>Scope name of region rows in time series: no territory may use it.</summary>
    public const string ReservedTerritoryName = "region";

    /// <summary>Loads and validates a scenario file. Throws <see cref="ScenarioException"/> on any problem.</summary>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var sources = new List<ScenarioSource>();
        var root = LoadFile(Path.GetFullPath(path), path, "scenario", [], null, null, sources);
        return Build(root, sources) with { File = path, Sources = sources };
    }

    /// <summary>
    /// Parses scenario text (tests, tools). "extends" and region "file" paths resolve relative to
    /// <paramref name="baseDirectory"/> (default: the current directory). The result has no <see cref="Scenario.Sources"/>.
    /// </summary>
    public static Scenario Parse(string json, string displayName = "<scenario>", string? baseDirectory = null)
    {
        var sources = new List<ScenarioSource>();
        var file = new SourceFile(displayName, Path.GetFullPath(Path.Combine(baseDirectory ?? Environment.CurrentDirectory, "__scenario__.json")));
        var root = Resolve(Encoding.UTF8.GetBytes(json), file, [file.FullPath], sources);
        return Build(root, sources);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files and "extends"

    private static ScObject LoadFile(string fullPath, string display, string role, List<string> chain, SourcePos? refPos, string? refText,
        List<ScenarioSource> sources)
    {
        if (chain.Contains(fullPath, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.SkipWhile(c => c != fullPath).Append(fullPath).Select(Path.GetFileName));
            throw Fail(refPos!.Value, "$.extends", $"extends cycle: {cycle}; a scenario cannot extend itself, directly or through its bases");
        }
        if (!System.IO.File.Exists(fullPath))
        {
            if (refPos is null)
                throw new ScenarioException(new ScenarioError(display, 0, 0, "", $"scenario file not found (looked for {fullPath})"));
            throw Fail(refPos.Value, "$.extends", $"base file '{refText}' not found (looked for {fullPath}); 'extends' is resolved relative to the file that contains it");
        }
        var bytes = System.IO.File.ReadAllBytes(fullPath);
        sources.Add(new ScenarioSource(role, display, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        return Resolve(bytes, new SourceFile(display, fullPath), [.. chain, fullPath], sources);
    }

    private static ScObject Resolve(byte[] bytes, SourceFile file, List<string> chain, List<ScenarioSource> sources)
    {
        var node = ScenarioJson.Parse(bytes, file);
        if (node is not ScObject obj)
            throw Fail(node.Pos, "$", $"a scenario must be a JSON object, got {node.KindName}");
        var ext = obj.Find("extends");
        if (ext is null) return obj;
        if (ext.Value is not ScValue { Token: JsonTokenType.String } v || v.Text.Length == 0)
            throw Fail(ext.Value.Pos, "$.extends", $"expected a string (the path of a base scenario file, relative to this file), got {ext.Value.KindName}");
        var baseFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.FullPath)!, v.Text));
        var baseObj = LoadFile(baseFull, DisplayPath(file.Display, baseFull), "extends", chain, v.Pos, v.Text, sources);
        var child = new ScObject { Pos = obj.Pos };
        child.Properties.AddRange(obj.Properties.Where(p => p.Name != "extends"));
        if (obj["inheritDesigns"] is ScValue { Token: JsonTokenType.False })
        {
            // The child defines its own designs: the base's designs (and its default design) are not inherited.
            var kept = new ScObject { Pos = baseObj.Pos };
            kept.Properties.AddRange(baseObj.Properties.Where(p => p.Name is not ("designs" or "defaultDesign")));
            baseObj = kept;
        }
        return Merge(baseObj, child, "$");
    }

    private static string DisplayPath(string referrerDisplay, string fullPath)
    {
        if (Path.IsPathRooted(referrerDisplay)) return fullPath;
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return Path.IsPathRooted(rel) ? fullPath : rel;
    }

    /// <summary>Objects merge recursively, the child winning. Parameter entries replace the base's entry (a distribution is
    /// one value), and a region given in another form (generator / territories / file) replaces the base's region.</summary>
    private static ScObject Merge(ScObject baseObj, ScObject child, string path)
    {
        var result = new ScObject { Pos = child.Pos };
        foreach (var bp in baseObj.Properties)
        {
            var cp = child.Find(bp.Name);
            if (cp is null) { result.Properties.Add(bp); continue; }
            string sub = path + ScenarioJson.PathSegment(bp.Name);
            bool merge = bp.Value is ScObject && cp.Value is ScObject && path != "$.parameters";
            if (merge && sub == "$.region")
            {
                var cf = RegionForms.FirstOrDefault(f => ((ScObject)cp.Value).Find(f) is not null);
                var bf = RegionForms.FirstOrDefault(f => ((ScObject)bp.Value).Find(f) is not null);
                merge = cf is null || cf == bf;
            }
            result.Properties.Add(merge ? new ScProperty(bp.Name, cp.NamePos, Merge((ScObject)bp.Value, (ScObject)cp.Value, sub)) : cp);
        }
        foreach (var cp in child.Properties)
            if (baseObj.Find(cp.Name) is null) result.Properties.Add(cp);
        return result;
    }

    private static ScenarioException Fail(SourcePos pos, string path, string message) =>
        new(new ScenarioError(pos.File.Display, pos.Line, pos.Column, path, message));

    // ---------------------------------------------------------------------------------------------------------------
    // Validation and construction

    private sealed class Ctx(List<ScenarioSource> sources)
    {
        public List<ScenarioError> Errors { get; } = [];
        public List<ScenarioSource> Sources { get; } = sources;
        public EnvelopeAllocation? Allocation { get; set; }
        public Dictionary<string, string> ParameterOrigins { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, DesignOrigin> DesignOrigins { get; } = new(StringComparer.Ordinal);
        public void Error(SourcePos pos, string path, string message) =>
            Errors.Add(new ScenarioError(pos.File.Display, pos.Line, pos.Column, path, message));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SafeName();

    private static Scenario Build(ScObject root, List<ScenarioSource> sources)
    {
        var ctx = new Ctx(sources);
        var s = new Scenario();
        CheckFields(ctx, root, "$", TopFields);

        if (root.Find("name") is { } nameProp)
        {
            if (Str(ctx, nameProp.Value, "$.name", out var name))
            {
                if (!SafeName().IsMatch(name))
                    ctx.Error(nameProp.Value.Pos, "$.name", $"{Quote(name)} is not a valid name; use 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit (it is used in file names)");
                else s = s with { Name = name };
            }
        }
        else ctx.Error(root.Pos, "$", "required field 'name' is missing");

        if (root["$schema"] is { } schema) Str(ctx, schema, "$['$schema']", out _);
        if (root["inheritDesigns"] is { } inherit) Bool(ctx, inherit, "$.inheritDesigns", out _);
        if (root["description"] is { } desc && Str(ctx, desc, "$.description", out var d)) s = s with { Description = d };
        if (root["seed"] is { } seedNode && UInt64(ctx, seedNode, "$.seed", out var seed)) s = s with { Seed = seed };
        if (root["replications"] is { } repNode && Integer(ctx, repNode, "$.replications", 1, 10_000_000, out var reps)) s = s with { Replications = (int)reps };

        if (root["edition"] is { } ed) s = s with { Edition = BuildEdition(ctx, ed, "$.edition") };
        if (root["shocks"] is { } sh) s = s with { Shocks = BuildShocks(ctx, sh, "$.shocks", s.Edition) };
        if (root["region"] is { } reg && BuildRegion(ctx, reg, "$.region", allowFile: true) is { } region)
            s = s with { Region = region, EnvelopeAllocation = ctx.Allocation };
        if (root["parameters"] is { } par) s = s with { Parameters = BuildParameters(ctx, par, "$.parameters") };
        if (root["designs"] is { } des && BuildDesigns(ctx, des, "$.designs") is { } designs) s = s with { Designs = designs };
        // Factors of sensitivity and robustness (after the designs: explored levers name them). See Uncertainty/UncertaintySpec.cs.
        if (root["uncertainty"] is { } unc) s = s with { Uncertainty = Uncertainty.UncertaintyJson.Build(unc, "$.uncertainty", s.Designs, ctx.Errors) };

        if (root.Find("defaultDesign") is { } dd)
        {
            if (Str(ctx, dd.Value, "$.defaultDesign", out var ddName))
            {
                if (s.FindDesign(ddName) is null)
                    ctx.Error(dd.Value.Pos, "$.defaultDesign", $"unknown design {Quote(ddName)}; defined designs: {string.Join(", ", s.Designs.Select(x => x.Name))}");
                else s = s with { DefaultDesign = ddName };
            }
        }
        else if (s.FindDesign(s.DefaultDesign) is null && s.Designs.Count > 0)
            s = s with { DefaultDesign = s.Designs[0].Name };

        if (ctx.Errors.Count > 0) throw new ScenarioException(ctx.Errors);
        return s with { ParameterOrigins = ctx.ParameterOrigins, DesignOrigins = ctx.DesignOrigins };
    }

    private static EditionSpec BuildEdition(Ctx ctx, ScNode node, string path)
    {
        var e = new EditionSpec();
        if (Obj(ctx, node, path) is not { } o) return e;
        CheckFields(ctx, o, path, EditionFields);
        if (o["months"] is { } m && Integer(ctx, m, path + ".months", 1, MaxMonths, out var months)) e = e with { Months = (int)months };
        if (o["extensionMonths"] is { } x && Integer(ctx, x, path + ".extensionMonths", 0, 24, out var ext)) e = e with { ExtensionMonths = (int)ext };
        if (o["extensionEnvelope"] is { } env && Number(ctx, env, path + ".extensionEnvelope", 0, 1e9, out var ee)) e = e with { ExtensionEnvelope = ee };
        return e;
    }

    private static ShockSpec BuildShocks(Ctx ctx, ScNode node, string path, EditionSpec edition)
    {
        var s = new ShockSpec();
        if (Obj(ctx, node, path) is not { } o) return s;
        CheckFields(ctx, o, path, ShockFields);
        int last = edition.TotalMonths - 1;
        if (o["pandemic"] is { } p && Bool(ctx, p, path + ".pandemic", out var pb)) s = s with { Pandemic = pb };
        if (o["pandemicStart"] is { } ps && Integer(ctx, ps, path + ".pandemicStart", 0, last, out var psv, " (a month of the edition, 0 = April 2018)")) s = s with { PandemicStart = (int)psv };
        if (o["pandemicMonths"] is { } pm && Integer(ctx, pm, path + ".pandemicMonths", 0, MaxMonths, out var pmv)) s = s with { PandemicMonths = (int)pmv };
        if (o["fundingGap"] is { } g && Bool(ctx, g, path + ".fundingGap", out var gb)) s = s with { FundingGap = gb };
        if (o["gapStart"] is { } gs && Integer(ctx, gs, path + ".gapStart", 0, last, out var gsv, " (a month of the edition, 0 = April 2018)")) s = s with { GapStart = (int)gsv };
        if (o["gapMonths"] is { } gm && Integer(ctx, gm, path + ".gapMonths", 0, MaxMonths, out var gmv)) s = s with { GapMonths = (int)gmv };
        if (o["bridgingShare"] is { } bs && Number(ctx, bs, path + ".bridgingShare", 0, 1, out var bsv)) s = s with { BridgingShare = bsv };
        if (o["elections"] is { } el && Bool(ctx, el, path + ".elections", out var eb)) s = s with { Elections = eb };
        if (o["electionMonths"] is { } em && Arr(ctx, em, path + ".electionMonths") is { } arr)
        {
            var list = new List<int>();
            for (int i = 0; i < arr.Items.Count; i++)
                if (Integer(ctx, arr.Items[i], $"{path}.electionMonths[{i}]", 0, last, out var month, " (a month of the edition, 0 = April 2018)")) list.Add((int)month);
            s = s with { ElectionMonths = list };
        }
        return s;
    }

    // Region ---------------------------------------------------------------------------------------------------------

    private const string AllocationField = "envelopeFromAllocation";

    /// <summary>A region in any form, then its envelope replaced by its share of an inter-regional allocation when the
    /// region object has "envelopeFromAllocation" (contradicts an explicit "envelope").</summary>
    private static RegionSource? BuildRegion(Ctx ctx, ScNode node, string path, bool allowFile)
    {
        var source = BuildRegionForm(ctx, node, path, allowFile, out var envelopeNode, out var envelopePath);
        if (source is null || node is not ScObject o || o.Find(AllocationField) is not { } ap) return source;
        var apath = path + "." + AllocationField;
        if (ctx.Allocation is not null)
        {
            ctx.Error(ap.NamePos, apath, $"'{AllocationField}' is given twice (in the scenario and in its region file); keep one");
            return null;
        }
        if (envelopeNode is not null)
        {
            ctx.Error(ap.NamePos, apath,
                $"contradictory region fields: '{AllocationField}' computes the region's envelope but {envelopePath} sets it "
                + $"(at {envelopeNode.Pos.File.Display}:{envelopeNode.Pos.Line}:{envelopeNode.Pos.Column}); remove one of them");
            return null;
        }
        if (BuildAllocation(ctx, ap.Value, apath) is not { } alloc) return null;
        ctx.Allocation = alloc;
        double envelope = alloc.AmountCents / 100.0;
        return source.Region is { } r
            ? source with { Region = r with { Envelope = envelope } }
            : source with { Generator = source.Generator with { Envelope = envelope } };
    }

    private static readonly string[] AllocationFields = ["budget", "rule", "region", "regions"];
    private static readonly string[] AllocationRegionFields = ["name", "previousAllocation", "population", "deprivation", "density"];

    private static EnvelopeAllocation? BuildAllocation(Ctx ctx, ScNode node, string path)
    {
        if (Obj(ctx, node, path) is not { } o) return null;
        int before = ctx.Errors.Count;
        CheckFields(ctx, o, path, AllocationFields);
        foreach (var required in new[] { "budget", "region", "regions" })
            if (o.Find(required) is null) ctx.Error(o.Pos, path, $"required field '{required}' is missing");
        double budget = 0;
        if (o["budget"] is { } b) Number(ctx, b, path + ".budget", 0, 1e10, out budget, " (dollars for the edition, all regions)");
        Allocation.IInterRegionalAllocationRule rule = new Allocation.AsIsAllocationRule();
        if (o["rule"] is { } rn && Str(ctx, rn, path + ".rule", out var ruleName))
        {
            if (Allocation.InterRegionalAllocation.FindRule(ruleName) is { } found) rule = found;
            else ctx.Error(rn.Pos, path + ".rule",
                $"unknown allocation rule {Quote(ruleName)}; allowed: {string.Join(", ", Allocation.InterRegionalAllocation.Rules.Select(x => x.Name))}");
        }
        string regionName = "";
        if (o["region"] is { } regionNode) Str(ctx, regionNode, path + ".region", out regionName);
        var regions = new List<Allocation.RegionAllocationInput>();
        if (o["regions"] is { } rs && Arr(ctx, rs, path + ".regions") is { } arr)
        {
            if (arr.Items.Count == 0) ctx.Error(arr.Pos, path + ".regions", "at least one region is needed");
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < arr.Items.Count; i++)
            {
                var ip = $"{path}.regions[{i}]";
                if (Obj(ctx, arr.Items[i], ip) is not { } ro) continue;
                int beforeItem = ctx.Errors.Count;
                CheckFields(ctx, ro, ip, AllocationRegionFields);
                foreach (var required in AllocationRegionFields)
                    if (ro.Find(required) is null) ctx.Error(ro.Pos, ip, $"required field '{required}' is missing");
                string name = "";
                if (ro["name"] is { } nn && Str(ctx, nn, ip + ".name", out name) && !names.Add(name))
                    ctx.Error(nn.Pos, ip + ".name", $"duplicate region name {Quote(name)}; names must be unique");
                double prev = 0, pop = 0, dep = 0, dens = 0;
                if (ro["previousAllocation"] is { } pa) Number(ctx, pa, ip + ".previousAllocation", 0, 1e10, out prev, " (dollars: its 2010-2015 allocation)");
                if (ro["population"] is { } pp) Number(ctx, pp, ip + ".population", 1, 1e8, out pop);
                if (ro["deprivation"] is { } dp) Number(ctx, dp, ip + ".deprivation", 0, 1, out dep, " (IDMS intensity)");
                if (ro["density"] is { } dn)
                {
                    if (Number(ctx, dn, ip + ".density", 0, 1e6, out dens, " (inhabitants per km²)") && dens <= 0)
                        ctx.Error(dn.Pos, ip + ".density", "density must be positive (inhabitants per km²)");
                }
                if (ctx.Errors.Count == beforeItem)
                    regions.Add(new Allocation.RegionAllocationInput(name, Allocation.InterRegionalAllocation.Cents(prev), pop, dep, dens));
            }
            if (o["region"] is { } rn2 && regionName.Length > 0 && ctx.Errors.Count == before && regions.All(r => r.Name != regionName))
                ctx.Error(rn2.Pos, path + ".region", $"region {Quote(regionName)} is not in 'regions' ({string.Join(", ", regions.Select(r => Quote(r.Name)))})");
        }
        if (ctx.Errors.Count > before) return null;
        long budgetCents = Allocation.InterRegionalAllocation.Cents(budget);
        var amounts = rule.Allocate(regions, budgetCents);
        int index = regions.FindIndex(r => r.Name == regionName);
        return new EnvelopeAllocation(rule.Name, rule.Description, budgetCents, regions, amounts, regionName, amounts[index]);
    }

    private static RegionSource? BuildRegionForm(Ctx ctx, ScNode node, string path, bool allowFile, out ScNode? envelopeNode, out string envelopePath)
    {
        envelopeNode = null;
        envelopePath = "";
        if (Obj(ctx, node, path) is not { } o) return null;
        var forms = (allowFile ? RegionForms : RegionForms[..2]).Where(f => o.Find(f) is not null).ToList();
        string allowedForms = allowFile ? "'generator' (a synthetic region drawn per replication), 'territories' (an explicit region) or 'file' (a region file)"
                                        : "'generator' (a synthetic region drawn per replication) or 'territories' (an explicit region)";
        if (forms.Count == 0)
        {
            if (!allowFile && o.Find("file") is { } nested)
                ctx.Error(nested.NamePos, path + ".file", "a region file cannot refer to another region file; give 'generator' or 'territories'");
            else
                ctx.Error(o.Pos, path, $"a region needs one of {allowedForms}");
            return null;
        }
        if (forms.Count > 1)
        {
            var second = o.Find(forms[1])!;
            ctx.Error(second.NamePos, path + "." + forms[1], $"'{forms[0]}' and '{forms[1]}' cannot both be given; a region is one of {allowedForms}");
            return null;
        }
        switch (forms[0])
        {
            case "generator":
            {
                CheckFields(ctx, o, path, ["generator", AllocationField], $" (with 'generator', the region object holds nothing else but '{AllocationField}')");
                if (o["generator"] is ScObject go && go["envelope"] is { } ge) { envelopeNode = ge; envelopePath = path + ".generator.envelope"; }
                var g = BuildGenerator(ctx, o["generator"]!, path + ".generator");
                return g is null ? null : new RegionSource { Generator = g };
            }
            case "file":
            {
                CheckFields(ctx, o, path, ["file", AllocationField], $" (with 'file', the region object holds nothing else but '{AllocationField}')");
                var fileNode = o["file"]!;
                if (!Str(ctx, fileNode, path + ".file", out var rel)) return null;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fileNode.Pos.File.FullPath)!, rel));
                if (!System.IO.File.Exists(full))
                {
                    ctx.Error(fileNode.Pos, path + ".file", $"region file {Quote(rel)} not found (looked for {full}); the path is relative to the file that contains it");
                    return null;
                }
                var bytes = System.IO.File.ReadAllBytes(full);
                var display = DisplayPath(fileNode.Pos.File.Display, full);
                ctx.Sources.Add(new ScenarioSource("region", display, Convert.ToHexStringLower(SHA256.HashData(bytes))));
                ScNode regionRoot;
                try { regionRoot = ScenarioJson.Parse(bytes, new SourceFile(display, full)); }
                catch (ScenarioException ex) { ctx.Errors.AddRange(ex.Errors); return null; }
                var inner = BuildRegion(ctx, regionRoot, "$", allowFile: false);
                if (ctx.Allocation is null && regionRoot is ScObject ro)
                {
                    if (ro["envelope"] is { } re) { envelopeNode = re; envelopePath = "the region file's $.envelope"; }
                    else if (ro["generator"] is ScObject rg && rg["envelope"] is { } rge) { envelopeNode = rge; envelopePath = "the region file's $.generator.envelope"; }
                }
                return inner;
            }
            default:
            {
                CheckFields(ctx, o, path, [.. ExplicitRegionFields, AllocationField]);
                if (o["envelope"] is { } ee) { envelopeNode = ee; envelopePath = path + ".envelope"; }
                var r = BuildExplicitRegion(ctx, o, path);
                return r is null ? null : new RegionSource { Region = r };
            }
        }
    }

    private static RegionGeneratorSpec? BuildGenerator(Ctx ctx, ScNode node, string path)
    {
        var g = new RegionGeneratorSpec();
        if (Obj(ctx, node, path) is not { } o) return null;
        int before = ctx.Errors.Count;
        CheckFields(ctx, o, path, GeneratorFields);
        if (o["territories"] is { } t && Integer(ctx, t, path + ".territories", RegionGenerator.MinTerritories, RegionGenerator.MaxTerritories, out var tv)) g = g with { Territories = (int)tv };
        if (o["populationMedian"] is { } pm && Number(ctx, pm, path + ".populationMedian", 1_000, 2_000_000, out var v1)) g = g with { PopulationMedian = v1 };
        if (o["populationLogSd"] is { } pl && Number(ctx, pl, path + ".populationLogSd", 0, 3, out var v2)) g = g with { PopulationLogSd = v2 };
        if (o["deprivationMean"] is { } dm && Number(ctx, dm, path + ".deprivationMean", 0, 1, out var v3)) g = g with { DeprivationMean = v3 };
        if (o["resourcesMean"] is { } rm && Number(ctx, rm, path + ".resourcesMean", 0, 1, out var v4)) g = g with { ResourcesMean = v4 };
        if (o["historyMean"] is { } hm && Number(ctx, hm, path + ".historyMean", 0, 1, out var v5)) g = g with { HistoryMean = v5 };
        if (o["betaConcentration"] is { } bc && Number(ctx, bc, path + ".betaConcentration", 0.5, 1000, out var v6)) g = g with { BetaConcentration = v6 };
        if (o["densityResourceLink"] is { } dr && Number(ctx, dr, path + ".densityResourceLink", 0, 1, out var v7)) g = g with { DensityResourceLink = v7 };
        if (o["envelope"] is { } en && Number(ctx, en, path + ".envelope", 0, 1e10, out var v8)) g = g with { Envelope = v8 };
        if (o["regionalAttributeLow"] is { } al && Number(ctx, al, path + ".regionalAttributeLow", 0, 1, out var v9)) g = g with { RegionalAttributeLow = v9 };
        if (o["regionalAttributeHigh"] is { } ah && Number(ctx, ah, path + ".regionalAttributeHigh", 0, 1, out var v10)) g = g with { RegionalAttributeHigh = v10 };
        if (g.RegionalAttributeLow > g.RegionalAttributeHigh)
            ctx.Error((o["regionalAttributeHigh"] ?? o["regionalAttributeLow"] ?? o).Pos, path + ".regionalAttributeHigh",
                $"regionalAttributeHigh ({ScenarioJson.Num(g.RegionalAttributeHigh)}) must not be below regionalAttributeLow ({ScenarioJson.Num(g.RegionalAttributeLow)})");
        return ctx.Errors.Count == before ? g : null;
    }

    private static RegionSpec? BuildExplicitRegion(Ctx ctx, ScObject o, string path)
    {
        int before = ctx.Errors.Count;
        var r = new RegionSpec();
        if (o["name"] is { } n && Str(ctx, n, path + ".name", out var name)) r = r with { Name = name };
        if (o["priorRegionalConcertation"] is { } a && Number(ctx, a, path + ".priorRegionalConcertation", 0, 1, out var v1)) r = r with { PriorRegionalConcertation = v1 };
        if (o["leaderContinuity"] is { } b && Number(ctx, b, path + ".leaderContinuity", 0, 1, out var v2)) r = r with { LeaderContinuity = v2 };
        if (o["electedPartnerRelations"] is { } c && Number(ctx, c, path + ".electedPartnerRelations", 0, 1, out var v3)) r = r with { ElectedPartnerRelations = v3 };
        if (o["partnerDensity"] is { } d && Number(ctx, d, path + ".partnerDensity", 0, 1, out var v4)) r = r with { PartnerDensity = v4 };
        if (o["lpesExperience"] is { } e && Number(ctx, e, path + ".lpesExperience", 0, 1, out var v5)) r = r with { LpesExperience = v5 };
        if (o["envelope"] is { } f && Number(ctx, f, path + ".envelope", 0, 1e10, out var v6)) r = r with { Envelope = v6 };

        var tpath = path + ".territories";
        if (Arr(ctx, o["territories"]!, tpath) is not { } arr) return null;
        if (arr.Items.Count is < RegionGenerator.MinTerritories or > RegionGenerator.MaxTerritories)
            ctx.Error(arr.Pos, tpath, $"{arr.Items.Count} territories given; allowed {RegionGenerator.MinTerritories} to {RegionGenerator.MaxTerritories}");
        var list = new List<TerritorySpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < arr.Items.Count; i++)
        {
            var ip = $"{tpath}[{i}]";
            if (Obj(ctx, arr.Items[i], ip) is not { } to) continue;
            CheckFields(ctx, to, ip, TerritoryFields);
            var t = new TerritorySpec();
            if (to.Find("name") is { } np)
            {
                if (Str(ctx, np.Value, ip + ".name", out var tn))
                {
                    if (tn.Trim().Length == 0) ctx.Error(np.Value.Pos, ip + ".name", "a territory name cannot be empty");
                    else if (tn == ReservedTerritoryName) ctx.Error(np.Value.Pos, ip + ".name", $"{Quote(tn)} is reserved (it names region rows in time series); choose another name");
                    else if (!names.Add(tn)) ctx.Error(np.Value.Pos, ip + ".name", $"duplicate territory name {Quote(tn)}; names must be unique");
                    t = t with { Name = tn };
                }
            }
            else ctx.Error(to.Pos, ip, "required field 'name' is missing");
            if (to["population"] is { } pop && Integer(ctx, pop, ip + ".population", 1, 20_000_000, out var pv)) t = t with { Population = (int)pv };
            if (to["deprivation"] is { } x1 && Number(ctx, x1, ip + ".deprivation", 0, 1, out var w1)) t = t with { Deprivation = w1 };
            if (to["density"] is { } x2 && Number(ctx, x2, ip + ".density", 0, 1, out var w2)) t = t with { Density = w2 };
            if (to["resources"] is { } x3 && Number(ctx, x3, ip + ".resources", 0, 1, out var w3)) t = t with { Resources = w3 };
            if (to["expertise"] is { } x4 && Number(ctx, x4, ip + ".expertise", 0, 1, out var w4)) t = t with { Expertise = w4 };
            if (to["communityCapital"] is { } x5 && Number(ctx, x5, ip + ".communityCapital", 0, 1, out var w5)) t = t with { CommunityCapital = w5 };
            if (to["concertationHistory"] is { } x6 && Number(ctx, x6, ip + ".concertationHistory", 0, 1, out var w6)) t = t with { ConcertationHistory = w6 };
            if (to["participationCulture"] is { } x7 && Number(ctx, x7, ip + ".participationCulture", 0, 1, out var w7)) t = t with { ParticipationCulture = w7 };
            list.Add(t);
        }
        return ctx.Errors.Count == before ? r with { Territories = list } : null;
    }

    // Parameters -----------------------------------------------------------------------------------------------------

    private static string Origin(SourcePos pos) => $"{pos.File.Display}:{pos.Line}";

    private static Dictionary<string, ParameterDistribution> BuildParameters(Ctx ctx, ScNode node, string path)
    {
        var result = new Dictionary<string, ParameterDistribution>(StringComparer.Ordinal);
        if (Obj(ctx, node, path) is not { } o) return result;
        foreach (var prop in o.Properties)
        {
            ctx.ParameterOrigins[prop.Name] = Origin(prop.NamePos);
            var pp = path + ScenarioJson.PathSegment(prop.Name);
            if (!P.TryGet(prop.Name, out var def))
            {
                ctx.Error(prop.NamePos, pp, UnknownParameterMessage(prop.Name));
                continue;
            }
            var range = $"allowed {ScenarioJson.Num(def.Low)} to {ScenarioJson.Num(def.High)} (the declared range of {def.Name})";
            if (prop.Value is ScValue { Token: JsonTokenType.Number })
            {
                if (FixedValue(ctx, prop.Value, pp, def, range, out var v)) result[def.Name] = ParameterDistribution.Fixed(v);
                continue;
            }
            if (prop.Value is not ScObject dist)
            {
                ctx.Error(prop.Value.Pos, pp, $"expected a number or an object with one of {Quoted(DistributionFields)} (e.g. {{\"uniform\": [low, high]}}), got {prop.Value.KindName}");
                continue;
            }
            if (!CheckFields(ctx, dist, pp, DistributionFields)) continue;
            if (dist.Properties.Count != 1)
            {
                ctx.Error(dist.Pos, pp, $"give exactly one of {Quoted(DistributionFields)}; found {dist.Properties.Count}");
                continue;
            }
            var kind = dist.Properties[0];
            var kp = pp + "." + kind.Name;
            if (kind.Name == "fixed")
            {
                if (FixedValue(ctx, kind.Value, kp, def, range, out var v)) result[def.Name] = ParameterDistribution.Fixed(v);
                continue;
            }
            int arity = kind.Name switch { "uniform" => 2, "triangular" => 3, _ => 2 };
            string shape = kind.Name switch { "uniform" => "[low, high]", "triangular" => "[low, mode, high]", _ => "[mean, sd]" };
            if (Arr(ctx, kind.Value, kp) is not { } arr) continue;
            if (arr.Items.Count != arity)
            {
                ctx.Error(arr.Pos, kp, $"expected {arity} numbers {shape}, got {arr.Items.Count}");
                continue;
            }
            var vals = new double[arity];
            bool ok = true;
            for (int i = 0; i < arity; i++)
            {
                bool isSd = kind.Name == "normal" && i == 1;
                ok &= isSd ? Number(ctx, arr.Items[i], $"{kp}[{i}]", 0, def.High - def.Low, out vals[i], $" (sd at most the width of the declared range of {def.Name})")
                           : Number(ctx, arr.Items[i], $"{kp}[{i}]", def.Low, def.High, out vals[i], $" (the declared range of {def.Name})");
            }
            if (!ok) continue;
            switch (kind.Name)
            {
                case "uniform" when vals[0] > vals[1]:
                    ctx.Error(arr.Pos, kp, $"low ({ScenarioJson.Num(vals[0])}) must not exceed high ({ScenarioJson.Num(vals[1])})");
                    break;
                case "uniform":
                    result[def.Name] = ParameterDistribution.Uniform(vals[0], vals[1]);
                    break;
                case "triangular" when !(vals[0] < vals[2] && vals[0] <= vals[1] && vals[1] <= vals[2]):
                    ctx.Error(arr.Pos, kp, $"expected low < high and low <= mode <= high; got [{string.Join(", ", vals.Select(ScenarioJson.Num))}]");
                    break;
                case "triangular":
                    result[def.Name] = ParameterDistribution.Triangular(vals[0], vals[1], vals[2]);
                    break;
                case "normal" when vals[1] <= 0:
                    ctx.Error(arr.Items[1].Pos, kp + "[1]", "the standard deviation must be positive (use a number or {\"fixed\": v} for a fixed value)");
                    break;
                default:
                    result[def.Name] = ParameterDistribution.Normal(vals[0], vals[1]);
                    break;
            }
        }
        return result;
    }

    private static bool FixedValue(Ctx ctx, ScNode node, string path, ParamDef def, string range, out double v)
    {
        if (!Number(ctx, node, path, def.Low, def.High, out v, $" (the declared range of {def.Name})")) return false;
        if (def.IsInteger && v != Math.Round(v))
        {
            ctx.Error(node.Pos, path, $"{def.Name} is an integer parameter; {ScenarioJson.Num(v)} is not an integer ({range})");
            return false;
        }
        return true;
    }

    private static string UnknownParameterMessage(string name)
    {
        var names = P.All.Select(p => p.Name).ToList();
        var msg = $"unknown parameter {Quote(name)}";
        if (Suggest(name, names) is { } s) msg += $"; did you mean {Quote(s)}?";
        int dot = name.IndexOf('.');
        var group = dot > 0 ? names.Where(n => n.StartsWith(name[..(dot + 1)], StringComparison.Ordinal)).ToList() : [];
        return group.Count > 0
            ? msg + $"; parameters of group '{name[..dot]}': {string.Join(", ", group)}"
            : msg + $"; parameter names are 'group.name' with group one of: {string.Join(", ", names.Select(n => n[..n.IndexOf('.')]).Distinct())}";
    }

    // Designs --------------------------------------------------------------------------------------------------------

    private static List<NamedDesign>? BuildDesigns(Ctx ctx, ScNode node, string path)
    {
        if (Obj(ctx, node, path) is not { } o) return null;
        if (o.Properties.Count == 0)
        {
            ctx.Error(o.Pos, path, "at least one design is needed (omit 'designs' to use the three presets: centralized, decentralized, balanced)");
            return null;
        }
        var list = new List<NamedDesign>();
        foreach (var prop in o.Properties)
        {
            var dp = path + ScenarioJson.PathSegment(prop.Name);
            if (!SafeName().IsMatch(prop.Name))
            {
                ctx.Error(prop.NamePos, dp, $"{Quote(prop.Name)} is not a valid design name; use 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit");
                continue;
            }
            if (BuildDesign(ctx, prop.Value, dp, out var origin) is { } levers)
            {
                list.Add(new NamedDesign(prop.Name, levers));
                ctx.DesignOrigins[prop.Name] = origin!;
            }
        }
        return list;
    }

    private static Levers? BuildDesign(Ctx ctx, ScNode node, string path, out DesignOrigin? origin)
    {
        origin = null;
        if (Obj(ctx, node, path) is not { } o) return null;
        int before = ctx.Errors.Count;
        CheckFields(ctx, o, path, DesignFields);
        var baseLevers = new Levers();
        string? preset = null;
        if (o["preset"] is { } pn && Str(ctx, pn, path + ".preset", out var presetName))
        {
            var match = Model.Designs.Presets.Keys.FirstOrDefault(k => string.Equals(k, presetName, StringComparison.OrdinalIgnoreCase));
            if (match is null) ctx.Error(pn.Pos, path + ".preset", $"unknown preset {Quote(presetName)}; allowed: {string.Join(", ", Model.Designs.Presets.Keys)}");
            else { preset = match; baseLevers = Model.Designs.Presets[match]; }
        }
        var overrides = new Dictionary<LeverField, object>();
        var nodes = new Dictionary<string, ScNode>(StringComparer.Ordinal);
        var leverOrigins = new Dictionary<string, string>(StringComparer.Ordinal);
        var lp = path + ".levers";
        if (o["levers"] is { } ln && Obj(ctx, ln, lp) is { } lo)
        {
            foreach (var prop in lo.Properties)
            {
                var fp = lp + ScenarioJson.PathSegment(prop.Name);
                if (!LeverFields.TryGet(prop.Name, out var f))
                {
                    var all = LeverFields.All.Select(x => x.JsonName).ToList();
                    var hint = Suggest(prop.Name, all) is { } s ? $"; did you mean {Quote(s)}?" : "";
                    ctx.Error(prop.NamePos, fp, $"unknown lever {Quote(prop.Name)}{hint}; allowed levers: {string.Join(", ", all)}");
                    continue;
                }
                nodes[f.JsonName] = prop.Value;
                leverOrigins[f.JsonName] = Origin(prop.NamePos);
                if (f.IsBool) { if (Bool(ctx, prop.Value, fp, out var b)) overrides[f] = b; }
                else if (f.IsInteger) { if (Integer(ctx, prop.Value, fp, (long)f.Min, (long)f.Max, out var i)) overrides[f] = (int)i; }
                else if (f.IsNumber) { if (Number(ctx, prop.Value, fp, f.Min, f.Max, out var d)) overrides[f] = d; }
                else if (EnumValue(ctx, prop.Value, fp, f.Type, out var e)) overrides[f] = e;
            }
        }
        if (ctx.Errors.Count > before) return null;
        var levers = LeverFields.With(baseLevers, overrides);

        // Contradictions (checked on the resolved levers, preset included).
        string From(string lever) => nodes.ContainsKey(lever) ? "" : preset is null ? " (by default)" : $" (from preset '{preset}')";
        if (!levers.RegionalTable)
        {
            var members = LeverFields.TableMemberFlags.Where(n => LeverFields.TryGet(n, out var f) && (bool)f.Get(levers)).ToList();
            var (at, atPath) = nodes.TryGetValue("regionalTable", out var rt) ? (rt, lp + ".regionalTable")
                : members.FirstOrDefault(nodes.ContainsKey) is { } m ? (nodes[m], lp + "." + m) : (o, path);
            if (members.Count > 0)
                ctx.Error(at.Pos, atPath,
                    $"contradictory levers: regionalTable is false{From("regionalTable")} but {string.Join(", ", members.Select(m => m + From(m)))} "
                    + $"{(members.Count == 1 ? "is" : "are")} true; members can only sit on a regional table that exists. "
                    + $"Set {string.Join(", ", members)} to false, or regionalTable to true");
            if (levers.DecisionBody == DecisionBody.RegionalTable)
            {
                var (at2, at2Path) = nodes.TryGetValue("decisionBody", out var db) ? (db, lp + ".decisionBody") : (at, atPath);
                ctx.Error(at2.Pos, at2Path,
                    $"contradictory levers: decisionBody is RegionalTable{From("decisionBody")} but regionalTable is false{From("regionalTable")}; "
                    + "a regional table that does not exist cannot decide. Use decisionBody TableDesPrefets, or regionalTable true");
            }
        }
        origin = new DesignOrigin(preset, leverOrigins);
        return ctx.Errors.Count > before ? null : levers;
    }

    private static bool EnumValue(Ctx ctx, ScNode node, string path, Type enumType, out object value)
    {
        value = null!;
        var names = Enum.GetNames(enumType);
        if (node is not ScValue { Token: JsonTokenType.String } v)
        {
            ctx.Error(node.Pos, path, $"expected a string, one of {string.Join(", ", names)}; got {node.KindName}");
            return false;
        }
        var match = names.FirstOrDefault(n => string.Equals(n, v.Text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            ctx.Error(node.Pos, path, $"{v.Display} is not a valid {enumType.Name}; allowed: {string.Join(", ", names)}");
            return false;
        }
        value = Enum.Parse(enumType, match);
        return true;
    }

    // Typed readers --------------------------------------------------------------------------------------------------

    private static bool CheckFields(Ctx ctx, ScObject o, string path, IReadOnlyList<string> allowed, string note = "")
    {
        bool ok = true;
        foreach (var p in o.Properties)
        {
            if (allowed.Contains(p.Name)) continue;
            ok = false;
            var hint = Suggest(p.Name, allowed) is { } s ? $"; did you mean {Quote(s)}?" : "";
            ctx.Error(p.NamePos, path + ScenarioJson.PathSegment(p.Name),
                $"unknown field {Quote(p.Name)}{hint}; allowed fields: {string.Join(", ", allowed)}{note}");
        }
        return ok;
    }

    private static ScObject? Obj(Ctx ctx, ScNode node, string path)
    {
        if (node is ScObject o) return o;
        ctx.Error(node.Pos, path, $"expected an object, got {Describe(node)}");
        return null;
    }

    private static ScArray? Arr(Ctx ctx, ScNode node, string path)
    {
        if (node is ScArray a) return a;
        ctx.Error(node.Pos, path, $"expected an array, got {Describe(node)}");
        return null;
    }

    private static bool Str(Ctx ctx, ScNode node, string path, out string value)
    {
        value = "";
        if (node is ScValue { Token: JsonTokenType.String } v) { value = v.Text; return true; }
        ctx.Error(node.Pos, path, $"expected a string, got {Describe(node)}");
        return false;
    }

    private static bool Bool(Ctx ctx, ScNode node, string path, out bool value)
    {
        value = false;
        if (node is ScValue { Token: JsonTokenType.True or JsonTokenType.False } v) { value = v.Token == JsonTokenType.True; return true; }
        ctx.Error(node.Pos, path, $"expected true or false, got {Describe(node)}");
        return false;
    }

    private static bool Number(Ctx ctx, ScNode node, string path, double min, double max, out double value, string rangeNote = "")
    {
        value = 0;
        if (node is not ScValue { Token: JsonTokenType.Number } v)
        {
            ctx.Error(node.Pos, path, $"expected a number, got {Describe(node)}");
            return false;
        }
        if (!double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            ctx.Error(node.Pos, path, $"{v.Text} is not a finite number; allowed {ScenarioJson.Num(min)} to {ScenarioJson.Num(max)}{rangeNote}");
            return false;
        }
        if (value < min || value > max)
        {
            ctx.Error(node.Pos, path, $"{v.Text} is out of range; allowed {ScenarioJson.Num(min)} to {ScenarioJson.Num(max)}{rangeNote}");
            return false;
        }
        return true;
    }

    private static bool Integer(Ctx ctx, ScNode node, string path, long min, long max, out long value, string rangeNote = "")
    {
        value = 0;
        if (node is not ScValue { Token: JsonTokenType.Number } v)
        {
            ctx.Error(node.Pos, path, $"expected an integer, got {Describe(node)}");
            return false;
        }
        if (!long.TryParse(v.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            if (double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
                value = (long)d;
            else
            {
                ctx.Error(node.Pos, path, $"expected an integer, got {v.Text}; allowed {min} to {max}{rangeNote}");
                return false;
            }
        }
        if (value < min || value > max)
        {
            ctx.Error(node.Pos, path, $"{v.Text} is out of range; allowed {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}{rangeNote}");
            return false;
        }
        return true;
    }

    private static bool UInt64(Ctx ctx, ScNode node, string path, out ulong value)
    {
        value = 0;
        if (node is ScValue { Token: JsonTokenType.Number } v && ulong.TryParse(v.Text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        ctx.Error(node.Pos, path, $"expected an integer from 0 to {ulong.MaxValue}, got {Describe(node)}");
        return false;
    }

    private static string Describe(ScNode node) => node is ScValue v && v.Token != JsonTokenType.Null ? $"{v.KindName} ({v.Display})" : node.KindName;

    private static string Quote(string s) => "'" + s + "'";
    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));

    /// <summary>The closest candidate by edit distance (case-insensitive), when close enough to be a likely typo.</summary>
    private static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
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
