using System.Text.Encodings.Web;
using System.Text.Json;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Reporting;

/// <summary>What `run` records about itself in manifest.json.</summary>
public sealed record RunManifest
{
    public required string Command { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required Scenario Scenario { get; init; }
    public required NamedDesign Design { get; init; }
    public required RunInputs Inputs { get; init; }
    public required long Replication { get; init; }
    public required string CodeVersion { get; init; }
    public string? GitCommit { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public double DurationSeconds { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>
/// Writes manifest.json of `run`: the scenario (name, file, hashes), the design's levers, seed and replication, every
/// parameter value used, the region and shocks, code version, git commit and time. Numbers are written in round-trip form.
/// </summary>
public static class RunOutputManifest
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, RunManifest m)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        var s = m.Scenario;
        w.WriteStartObject();
        w.WriteString("tool", "alliances");
        w.WriteString("command", m.Command);
        w.WriteStartArray("arguments");
        foreach (var a in m.Arguments) w.WriteStringValue(a);
        w.WriteEndArray();

        w.WriteStartObject("scenario");
        w.WriteString("name", s.Name);
        w.WriteString("description", s.Description);
        w.WriteString("file", s.File);
        w.WriteString("hash", s.Hash);
        w.WriteString("hashOf", s.Sources.Count <= 1
            ? "SHA-256 of the scenario file's bytes"
            : "SHA-256 of the UTF-8 text made of each source's SHA-256 followed by a newline, in the order of 'sources'");
        w.WriteStartArray("sources");
        foreach (var src in s.Sources)
        {
            w.WriteStartObject();
            w.WriteString("role", src.Role);
            w.WriteString("file", src.Path);
            w.WriteString("sha256", src.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("design");
        w.WriteString("name", m.Design.Name);
        WriteLevers(w, "levers", m.Design.Levers);
        w.WriteEndObject();

        w.WriteNumber("seed", s.Seed);
        w.WriteNumber("replication", m.Replication);
        w.WriteNumber("replicationSeed", ReplicationInputs.ReplicationSeed(s.Seed, m.Replication));

        var e = m.Inputs.Edition;
        w.WriteStartObject("edition");
        w.WriteNumber("months", e.Months);
        w.WriteNumber("extensionMonths", e.ExtensionMonths);
        w.WriteNumber("extensionEnvelope", e.ExtensionEnvelope);
        w.WriteEndObject();

        var sh = m.Inputs.Shocks;
        w.WriteStartObject("shocks");
        w.WriteBoolean("pandemic", sh.Pandemic);
        w.WriteNumber("pandemicStart", sh.PandemicStart);
        w.WriteNumber("pandemicMonths", sh.PandemicMonths);
        w.WriteBoolean("fundingGap", sh.FundingGap);
        w.WriteNumber("gapStart", sh.GapStart);
        w.WriteNumber("gapMonths", sh.GapMonths);
        w.WriteNumber("bridgingShare", sh.BridgingShare);
        w.WriteBoolean("elections", sh.Elections);
        w.WriteStartArray("electionMonths");
        foreach (var month in sh.ElectionMonths) w.WriteNumberValue(month);
        w.WriteEndArray();
        w.WriteEndObject();

        WriteRegion(w, m.Inputs.Region, s.Region.Region is null ? "generator" : "explicit");

        w.WriteStartObject("parameters");
        foreach (var def in P.All) w.WriteNumber(def.Name, m.Inputs.Parameters[def]);
        w.WriteEndObject();
        w.WriteStartObject("parameterDistributions");
        foreach (var (name, dist) in s.Parameters)
        {
            w.WriteStartObject(name);
            w.WriteString("kind", dist.Kind.ToString().ToLowerInvariant());
            w.WriteStartArray("arguments");
            w.WriteNumberValue(dist.A);
            if (dist.Kind != DistributionKind.Fixed) w.WriteNumberValue(dist.B);
            if (dist.Kind == DistributionKind.Triangular) w.WriteNumberValue(dist.C);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartArray("files");
        foreach (var f in m.Files) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartObject("timeseries");
        w.WriteString("rowOrder", "for each month: the region row (scope 'region'), then one row per territory in region order");
        w.WriteStartObject("regionRowTerritoryColumns");
        for (int k = 0; k < MetricCatalog.Territory.Count; k++)
            w.WriteString(MetricCatalog.Territory.Names[k], TimeSeriesCsvObserver.RegionAggregation[k]);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("codeVersion", m.CodeVersion);
        w.WriteString("gitCommit", m.GitCommit);
        w.WriteString("createdUtc", m.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("durationSeconds", Math.Round(m.DurationSeconds, 4));

        w.WriteStartArray("metrics");
        foreach (var metric in MetricCatalog.All)
        {
            w.WriteStartObject();
            w.WriteString("name", metric.Name);
            w.WriteString("better", metric.Better.ToString().ToLowerInvariant());
            w.WriteNumber("min", metric.Min);
            w.WriteNumber("max", metric.Max);
            w.WriteString("fr", metric.Fr);
            w.WriteString("en", metric.En);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>Writes a design's levers as an object: camelCase names, enums as member names.</summary>
    public static void WriteLevers(Utf8JsonWriter w, string propertyName, Levers levers)
    {
        w.WriteStartObject(propertyName);
        foreach (var f in LeverFields.All)
        {
            var v = f.Get(levers);
            switch (v)
            {
                case bool b: w.WriteBoolean(f.JsonName, b); break;
                case int i: w.WriteNumber(f.JsonName, i); break;
                case double d: w.WriteNumber(f.JsonName, d); break;
                default: w.WriteString(f.JsonName, v.ToString()); break;
            }
        }
        w.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter w, RegionSpec r, string source)
    {
        w.WriteStartObject("region");
        w.WriteString("source", source);
        w.WriteString("name", r.Name);
        w.WriteNumber("priorRegionalConcertation", r.PriorRegionalConcertation);
        w.WriteNumber("leaderContinuity", r.LeaderContinuity);
        w.WriteNumber("electedPartnerRelations", r.ElectedPartnerRelations);
        w.WriteNumber("partnerDensity", r.PartnerDensity);
        w.WriteNumber("lpesExperience", r.LpesExperience);
        w.WriteNumber("envelope", r.Envelope);
        w.WriteStartArray("territories");
        foreach (var t in r.Territories)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteNumber("population", t.Population);
            w.WriteNumber("deprivation", t.Deprivation);
            w.WriteNumber("density", t.Density);
            w.WriteNumber("resources", t.Resources);
            w.WriteNumber("expertise", t.Expertise);
            w.WriteNumber("communityCapital", t.CommunityCapital);
            w.WriteNumber("concertationHistory", t.ConcertationHistory);
            w.WriteNumber("participationCulture", t.ParticipationCulture);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
