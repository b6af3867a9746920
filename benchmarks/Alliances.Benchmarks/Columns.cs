using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Alliances.Benchmarks;

/// <summary>Adds the agent count of the standard region and the derived agent-steps per second (agents × months / mean time).</summary>
public sealed class AgentColumnsConfig : ManualConfig
{
    public AgentColumnsConfig()
    {
        AddColumn(new AgentsColumn(), new AgentStepsColumn());
    }
}

/// <summary>Benchmarks that simulate the standard region report how many agent-months one operation covers.</summary>
public interface IAgentWorkload
{
    /// <summary>Agents of the simulated region.</summary>
    int Agents { get; }
    /// <summary>Months simulated by one operation of the named benchmark method (0: not a simulation of months).</summary>
    int MonthsPerOperation(string benchmarkMethod);
}

internal static class Workload
{
    public static IAgentWorkload? Of(BenchmarkCase c)
    {
        if (Activator.CreateInstance(c.Descriptor.Type) is not IAgentWorkload w) return null;
        foreach (var p in c.Parameters.Items)
            c.Descriptor.Type.GetProperty(p.Name)?.SetValue(w, p.Value);
        return w;
    }
}

public sealed class AgentsColumn : IColumn
{
    public string Id => nameof(AgentsColumn);
    public string ColumnName => "Agents";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Agents in the simulated region";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        => Workload.Of(benchmarkCase)?.Agents.ToString(CultureInfo.InvariantCulture) ?? "-";
}

public sealed class AgentStepsColumn : IColumn
{
    public string Id => nameof(AgentStepsColumn);
    public string ColumnName => "Agent-steps/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Agents × months simulated per second of one core (agents × months per operation / mean time)";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var w = Workload.Of(benchmarkCase);
        var stats = summary[benchmarkCase]?.ResultStatistics;
        int months = w?.MonthsPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name) ?? 0;
        if (w is null || stats is null || months <= 0) return "-";
        double perSecond = (double)w.Agents * months / (stats.Mean / 1e9);
        return perSecond.ToString("N0", CultureInfo.InvariantCulture);
    }
}
