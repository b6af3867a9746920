using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Alliances.Charts.Tests;

/// <summary>Sets CurrentCulture and CurrentUICulture for the lifetime of the scope.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string name)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var c = name.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

/// <summary>Golden files live in the source tree (Golden/ next to this file); no copy to the output folder.</summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string Directory([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden");

    public static string PathOf(string name) => Path.Combine(Directory(), name + ".svg");

    public static string Read(string name) => File.ReadAllText(PathOf(name), new UTF8Encoding(false));

    public static void Write(string name, string svg) => SvgExport.WriteSvg(PathOf(name), svg);
}

/// <summary>Deterministic pseudo-random numbers for test inputs (LCG + Box–Muller), independent of System.Random.</summary>
internal sealed class TestRng(ulong seed)
{
    private ulong _state = seed * 6364136223846793005UL + 1442695040888963407UL;

    public double Uniform()
    {
        _state = _state * 6364136223846793005UL + 1442695040888963407UL;
        return ((_state >> 11) + 0.5) / (1UL << 53);
    }

    public double Normal(double mean = 0, double sd = 1)
    {
        double u1 = Uniform(), u2 = Uniform();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
