using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances describe &lt;scenario&gt; [--design NAME]</c>: prints a resolved scenario: its files, time frame, shocks,
/// region (generator distributions or explicit territories, and the inter-regional allocation when the envelope comes
/// from one), the resolved levers of each design (marking those set in a scenario file, with the file) and every
/// parameter with its value or distribution, evidence tag and registry source (marking those set by the scenario, with
/// the file and line).
/// </summary>
public sealed class DescribeCommand : ICliCommand
{
    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario")
        {
            Description = "Scenario file, or the name of a shipped scenario (e.g. rassembleur for scenarios/rassembleur.json)",
        };
        var designOpt = new Option<string?>("--design") { Description = "Show only this design's levers" };
        var command = new Command("describe",
            "Describe a scenario: designs' resolved levers and every parameter's value or distribution with its source, "
            + "marking what the scenario overrides and in which file.")
        {
            scenarioArg, designOpt,
        };
        command.SetAction((ParseResult r) => Execute(r, r.GetValue(scenarioArg)!, r.GetValue(designOpt)));
        return command;
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Execute(ParseResult r, string argument, string? designName)
    {
        var path = ScenarioCatalog.Resolve(argument)
            ?? throw new CliUsageException($"scenario '{argument}' not found: give a scenario file, or the name of a file in ./{ScenarioCatalog.DefaultDirectory} (see 'alliances scenarios')");
        var s = ScenarioLoader.Load(path);
        var designs = s.Designs;
        if (designName is not null)
        {
            var d = s.FindDesign(designName)
                ?? throw new CliUsageException($"unknown design '{designName}' in scenario '{s.Name}' ({path}); designs: {string.Join(", ", s.Designs.Select(x => x.Name))}");
            designs = [d];
        }
        var w = r.Out();
        WriteHeader(w, s);
        w.WriteLine();
        WriteRegion(w, s);
        w.WriteLine();
        WriteDesigns(w, s, designs);
        w.WriteLine();
        WriteParameters(w, s);
        // ---- Uncertain parameters and explored levers (factors of `sensitivity` and `robustness`; docs/SENSITIVITY.md) ----
        w.WriteLine();
        foreach (var line in Alliances.Experiments.Uncertainty.UncertaintyListing.Format(s)) w.WriteLine(line);
        // --------------------------------------------------------------------------------------------------------------------
        return ExitCodes.Success;
    }

    private static string N(double v) => v.ToString("0.######", Inv);
    private static string Money(double dollars) => dollars.ToString("#,0", Inv).Replace(",", " ") + " $";

    private static void WriteHeader(TextWriter w, Scenario s)
    {
        w.WriteLine($"Scenario '{s.Name}' ({s.File})");
        if (s.Description.Length > 0) w.WriteLine($"  {s.Description}");
        foreach (var src in s.Sources) w.WriteLine($"  {src.Role,-8} {src.Path}  sha256 {src.Sha256[..12]}");
        w.WriteLine(string.Create(Inv, $"  seed {s.Seed}; replications {s.Replications}; default design '{s.DefaultDesign}'"));
        var e = s.Edition;
        w.WriteLine(string.Create(Inv,
            $"  edition: {e.Months} months from April 2018 (month 0){(e.ExtensionMonths > 0 ? $" + {e.ExtensionMonths}-month extension with {Money(e.ExtensionEnvelope)}" : ", no extension")}"));
        var sh = s.Shocks;
        w.WriteLine(string.Create(Inv, $"  pandemic: {(sh.Pandemic ? $"months {sh.PandemicStart} to {sh.PandemicStart + sh.PandemicMonths - 1}" : "off")}"));
        w.WriteLine(string.Create(Inv, $"  funding gap: {(sh.FundingGap ? $"months {sh.GapStart} to {sh.GapStart + sh.GapMonths - 1}, bridging {N(sh.BridgingShare)} of a year of envelope" : "off")}"));
        w.WriteLine(string.Create(Inv, $"  municipal elections: {(sh.Elections ? "months " + string.Join(", ", sh.ElectionMonths) : "off (assumption X1, sensitivity only)")}"));
    }

    private static void WriteRegion(TextWriter w, Scenario s)
    {
        if (s.Region.Region is { } reg)
        {
            w.WriteLine($"Region '{reg.Name}': {reg.Territories.Count} explicit territories; envelope {Money(reg.Envelope)} for the edition");
            w.WriteLine($"  prior regional concertation {N(reg.PriorRegionalConcertation)}, leader continuity {N(reg.LeaderContinuity)}, "
                        + $"elected-partner relations {N(reg.ElectedPartnerRelations)}, partner density {N(reg.PartnerDensity)}, LPES experience {N(reg.LpesExperience)}");
            var cols = new[] { "name", "population", "deprivation", "density", "resources", "expertise", "capital", "history", "participation" };
            var rows = reg.Territories.Select(t => new[]
            {
                t.Name, t.Population.ToString(Inv), N(t.Deprivation), N(t.Density), N(t.Resources), N(t.Expertise),
                N(t.CommunityCapital), N(t.ConcertationHistory), N(t.ParticipationCulture),
            }).ToList();
            WriteTable(w, "  ", cols, rows);
        }
        else
        {
            var g = s.Region.Generator;
            w.WriteLine(string.Create(Inv, $"Region: synthetic, drawn per replication by RegionGenerator ({g.Territories} territories; every distribution is an assumption [A]); envelope {Money(g.Envelope)} for the edition"));
            w.WriteLine(string.Create(Inv, $"  population   log-normal, median {g.PopulationMedian}, log-sd {N(g.PopulationLogSd)}, times (0.6 + 0.8 density), clamped to 3 000..2 000 000"));
            w.WriteLine($"  density      Beta(1.6, 2.4) (mean 0.4)");
            w.WriteLine(string.Create(Inv, $"  resources    (1 - {N(g.DensityResourceLink)}) Beta(mean {N(g.ResourcesMean)}, concentration {N(g.BetaConcentration)}) + {N(g.DensityResourceLink)} density + noise"));
            w.WriteLine(string.Create(Inv, $"  expertise    0.6 resources + 0.4 Beta(mean 0.5); community capital 0.5 resources + 0.5 Beta(mean 0.5)"));
            w.WriteLine(string.Create(Inv, $"  deprivation  0.7 Beta(mean {N(g.DeprivationMean)}) + 0.3 (1 - resources)"));
            w.WriteLine(string.Create(Inv, $"  history      Beta(mean {N(g.HistoryMean)}); participation culture Beta(mean 0.45)"));
            w.WriteLine(string.Create(Inv, $"  region       prior concertation, leader continuity, elected-partner relations, partner density, LPES experience: each uniform [{N(g.RegionalAttributeLow)}, {N(g.RegionalAttributeHigh)}]"));
        }
        if (s.EnvelopeAllocation is { } a)
        {
            w.WriteLine($"  envelope from an inter-regional allocation: rule '{a.Rule}': {a.RuleDescription}");
            w.WriteLine($"  budget {Money(a.BudgetCents / 100.0)}; this scenario's region is '{a.Region}' ({Money(a.AmountCents / 100.0)})");
            var rows = a.Regions.Select((x, i) => new[]
            {
                (x.Name == a.Region ? "> " : "  ") + x.Name, Money(x.PreviousAllocationCents / 100.0), x.Population.ToString("0", Inv),
                N(x.Deprivation), N(x.Density), Money(a.AmountsCents[i] / 100.0),
                (a.AmountsCents[i] * 100.0 / Math.Max(1, a.BudgetCents)).ToString("0.00", Inv) + " %",
            }).ToList();
            WriteTable(w, "  ", ["region", "2010-2015", "population", "deprivation", "density", "allocation", "share"], rows);
        }
    }

    private static void WriteDesigns(TextWriter w, Scenario s, IReadOnlyList<NamedDesign> designs)
    {
        w.WriteLine($"Designs ({designs.Count}): resolved levers; '*' = set in a scenario file, otherwise from the preset or the Levers defaults");
        var cols = new List<string> { "lever" };
        cols.AddRange(designs.Select(d => d.Name));
        var rows = new List<string[]>();
        rows.Add(["(base)", .. designs.Select(d => Origin(s, d)?.Preset is { } p ? "preset " + p : Origin(s, d) is null ? "(built in code)" : "Levers defaults")]);
        foreach (var f in LeverFields.All)
        {
            var row = new List<string> { f.JsonName };
            foreach (var d in designs)
            {
                var v = LeverFields.JsonValue(f, d.Levers);
                string text = v switch
                {
                    bool b => b ? "true" : "false",
                    double x => N(x),
                    int i => i.ToString(Inv),
                    _ => v.ToString()!,
                };
                bool set = Origin(s, d)?.Levers.ContainsKey(f.JsonName) == true;
                row.Add(text + (set ? " *" : ""));
            }
            rows.Add([.. row]);
        }
        WriteTable(w, "  ", cols, rows);
        static string FileOf(string origin) => origin[..origin.LastIndexOf(':')];
        var files = designs.SelectMany(d => Origin(s, d)?.Levers.Values.Select(FileOf) ?? []).Distinct().ToList();
        if (files.Count == 1)
        {
            w.WriteLine($"  * set in {files[0]}");
            return;
        }
        foreach (var d in designs)
        {
            if (Origin(s, d) is not { } o || o.Levers.Count == 0) continue;
            var byFile = o.Levers.GroupBy(kv => FileOf(kv.Value));
            w.WriteLine($"  * {d.Name}: " + string.Join("; ", byFile.Select(g => $"{string.Join(", ", g.Select(kv => kv.Key))} set in {g.Key}")));
        }
    }

    private static DesignOrigin? Origin(Scenario s, NamedDesign d) => s.DesignOrigins.TryGetValue(d.Name, out var o) ? o : null;

    private static void WriteParameters(TextWriter w, Scenario s)
    {
        int overridden = P.All.Count(p => s.Parameters.ContainsKey(p.Name));
        w.WriteLine($"Parameters ({P.All.Count}; {overridden} set by the scenario, marked '*' with the file and line; the others keep their registry default).");
        w.WriteLine("Values drawn per replication are the same for every design. Tags: S stated, T testimony, Lit literature, R recommendation, U unconfirmed, A assumption.");
        int nw = P.All.Max(p => p.Name.Length);
        var values = P.All.Select(p => s.Parameters.TryGetValue(p.Name, out var d) ? Dist(d) : N(p.Default)).ToList();
        int vw = Math.Max("value".Length, values.Max(v => v.Length)) + 2;
        w.WriteLine($"  {"parameter".PadRight(nw)}  {"value".PadRight(vw)}  tag  range (registry)    set by");
        for (int i = 0; i < P.All.Count; i++)
        {
            var p = P.All[i];
            bool set = s.Parameters.ContainsKey(p.Name);
            string by = set ? "* " + (s.ParameterOrigins.TryGetValue(p.Name, out var o) ? o : "scenario") : "registry default";
            string range = $"{N(p.Low)} to {N(p.High)}";
            w.WriteLine($"  {p.Name.PadRight(nw)}  {values[i].PadRight(vw)}  {p.Tag,-3}  {range,-18}  {by}");
            w.WriteLine($"  {"".PadRight(nw)}    source: {p.Source}{(set ? $" (registry default {N(p.Default)})" : "")}");
        }
    }

    private static string Dist(ParameterDistribution d) => d.Kind switch
    {
        DistributionKind.Fixed => N(d.A),
        DistributionKind.Uniform => $"uniform [{N(d.A)}, {N(d.B)}]",
        DistributionKind.Triangular => $"triangular [{N(d.A)}, {N(d.B)}, {N(d.C)}]",
        _ => $"normal({N(d.A)}, {N(d.B)})",
    };

    private static void WriteTable(TextWriter w, string indent, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        w.WriteLine(indent + string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        w.WriteLine(indent + string.Join("  ", widths.Select(x => new string('-', x))));
        foreach (var r in rows) w.WriteLine(indent + string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }
}
