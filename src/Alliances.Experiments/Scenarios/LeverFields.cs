using System.Reflection;
using Alliances.Model;

namespace Alliances.Experiments.Scenarios;

/// <summary>One settable lever of <see cref="Levers"/>: its scenario-file name (camelCase property name), type and range.</summary>
public sealed class LeverField
{
    internal LeverField(PropertyInfo property, double min, double max)
    {
        Property = property;
        JsonName = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Min = min;
        Max = max;
    }

    public string JsonName { get; }
    public PropertyInfo Property { get; }
    public Type Type => Property.PropertyType;
    public bool IsBool => Type == typeof(bool);
    public bool IsInteger => Type == typeof(int);
    public bool IsNumber => Type == typeof(double) || Type == typeof(int);
    public bool IsEnum => Type.IsEnum;
    /// <summary>Allowed range of a numeric lever (inclusive); NaN for booleans and enums.</summary>
    public double Min { get; }
    public double Max { get; }

    public object Get(Levers levers) => Property.GetValue(levers)!;
}

/// <summary>
/// The levers a scenario file can set, in declaration order, with the allowed range of every numeric lever.
/// Adding a numeric lever to <see cref="Levers"/> without a range here fails at start-up (type initializer).
/// </summary>
public static class LeverFields
{
    private static readonly Dictionary<string, (double Min, double Max)> Ranges = new()
    {
        [nameof(Levers.RegionalShare)] = (0, 0.6),
        [nameof(Levers.LocalOnlyTolerance)] = (0, 1),
        [nameof(Levers.ProjectDurationMonths)] = (12, 36),
        [nameof(Levers.CoordinationShare)] = (0, 0.3),
        [nameof(Levers.WeakTerritorySupport)] = (0, 1),
        [nameof(Levers.DirectiveStrength)] = (0, 1),
        [nameof(Levers.ExpertsPerBody)] = (1, 6),
        [nameof(Levers.PeerCommitteeSize)] = (4, 12),
    };

    /// <summary>Boolean levers naming members of the regional table: meaningless (and rejected) without a regional table.</summary>
    public static IReadOnlyList<string> TableMemberFlags { get; } =
        ["tableHasElected", "tableHasLocalConcertations", "tableHasSectoralPartners", "tableHasExperts"];

    public static IReadOnlyList<LeverField> All { get; } = Build();

    private static readonly Dictionary<string, LeverField> ByName = All.ToDictionary(f => f.JsonName, StringComparer.Ordinal);

    public static bool TryGet(string jsonName, out LeverField field) => ByName.TryGetValue(jsonName, out field!);

    private static List<LeverField> Build()
    {
        var list = new List<LeverField>();
        foreach (var p in typeof(Levers).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.SetMethod is null || p.Name == "EqualityContract") continue; // computed (SeatsExperts)
            var t = p.PropertyType;
            if (t == typeof(double) || t == typeof(int))
            {
                if (!Ranges.TryGetValue(p.Name, out var r))
                    throw new InvalidOperationException($"Numeric lever {p.Name} has no declared range in {nameof(LeverFields)}.");
                list.Add(new LeverField(p, r.Min, r.Max));
            }
            else if (t == typeof(bool) || t.IsEnum) list.Add(new LeverField(p, double.NaN, double.NaN));
            else throw new InvalidOperationException($"Lever {p.Name} has unsupported type {t.Name}.");
        }
        return list;
    }

    /// <summary>A copy of <paramref name="baseLevers"/> with some levers replaced (values already of the lever's type).</summary>
    public static Levers With(Levers baseLevers, IReadOnlyDictionary<LeverField, object> overrides)
    {
        var result = new Levers();
        foreach (var f in All)
            f.Property.SetValue(result, overrides.TryGetValue(f, out var v) ? v : f.Get(baseLevers));
        return result;
    }

    /// <summary>The value as written in scenario files and manifests: bool, number, or enum member name.</summary>
    public static object JsonValue(LeverField f, Levers levers)
    {
        var v = f.Get(levers);
        return f.IsEnum ? v.ToString()! : v;
    }
}
