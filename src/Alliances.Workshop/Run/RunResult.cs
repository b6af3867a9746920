namespace Alliances.Workshop.Run;

// The JSON answer of POST /api/run (camelCase; non-finite numbers are written as null). Formatted strings are in the
// request's language so the page shows them as they are.

/// <summary>A design of the run as the page shows it; <see cref="SeatsExperts"/>: the design has seats for experts de vécu.</summary>
public sealed record DesignInfo(string? Preset, string Label, IReadOnlyDictionary<string, object> Changes, bool SeatsExperts);

/// <summary>Mean of a metric over the replications with its 95 % CI (Student t).</summary>
public sealed record Stat(double? Mean, double? CiLow, double? CiHigh, string Text);

/// <summary>Paired difference design − reference: mean, 95 % CI, share of replications where the design is better.</summary>
public sealed record DiffStat(double? Mean, double? CiLow, double? CiHigh, double? ShareBetter, string Verdict, string Text, string CiText, string ShareText);

public sealed record MetricRow(string Name, string Label, string Definition, string Better, Stat Design, Stat Reference, DiffStat Diff);

/// <summary>A "why" note: tone is good, bad, neutral or info; metrics are the metrics it reads.</summary>
public sealed record WhyNote(string Tone, string Text, IReadOnlyList<string> Metrics);

public sealed record Check(string Text, bool Ok, string Detail);

public sealed record ExerciseResult(string Id, string Title, bool Reached, IReadOnlyList<Check> Checks);

public sealed record Charts(string Tradeoff, string Mobilization, string ExpertParticipation, string Differences);

public sealed record RunResult(
    string Lang,
    DesignInfo Design,
    DesignInfo Reference,
    int Replications,
    int Months,
    string Scenario,
    string Seed,
    long ElapsedMs,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<WhyNote> Why,
    Charts Charts,
    ExerciseResult? Exercise);
