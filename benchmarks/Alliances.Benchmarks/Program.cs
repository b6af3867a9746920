using BenchmarkDotNet.Running;

namespace Alliances.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Alliances.Benchmarks -- --filter '*' --job short</c>
/// (see docs/PERFORMANCE.md for the measured figures and how to read them).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
