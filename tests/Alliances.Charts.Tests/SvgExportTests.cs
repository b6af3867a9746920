namespace Alliances.Charts.Tests;

public sealed class SvgExportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "alliances-charts-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void WriteSvgIsAtomicUtf8WithoutBomAndOverwrites()
    {
        string path = Path.Combine(_dir, "sub", "chart.svg");
        SvgExport.WriteSvg(path, "<svg>é</svg>");
        SvgExport.WriteSvg(path, "<svg>Québec</svg>");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM expected");
        Assert.Equal("<svg>Québec</svg>", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "sub")));
    }

    [Fact]
    public void TryExportPngReportsMissingInput()
    {
        Assert.False(SvgExport.TryExportPng(Path.Combine(_dir, "missing.svg"), Path.Combine(_dir, "x.png"), out string? error));
        Assert.Contains("not found", error);
    }

    [Fact]
    public void TryExportPngConvertsWhenRsvgConvertIsAvailable()
    {
        string svgPath = Path.Combine(_dir, "forest.svg");
        string pngPath = Path.Combine(_dir, "forest.png");
        SvgExport.WriteSvg(svgPath, SampleCharts.Forest().ToSvg());
        bool ok = SvgExport.TryExportPng(svgPath, pngPath, out string? error);
        bool toolOnPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, "rsvg-convert")) || File.Exists(Path.Combine(d, "rsvg-convert.exe")));
        if (toolOnPath)
        {
            Assert.True(ok, error);
            byte[] head = File.ReadAllBytes(pngPath)[..8];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
            Assert.Equal(2, Directory.GetFiles(_dir).Length); // no temp files left behind
        }
        else
        {
            Assert.False(ok);
            Assert.Contains("rsvg-convert", error);
        }
    }
}
