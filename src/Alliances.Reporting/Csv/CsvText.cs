using System.Globalization;
using System.Text;

namespace Alliances.Reporting.Csv;

/// <summary>
/// Byte-exact CSV output: UTF-8 without BOM, comma separator, '\n' line ends, invariant culture, doubles in round-trip
/// ("R") form, RFC 4180 quoting only where a field needs it.
/// </summary>
internal sealed class CsvText : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly StreamWriter _w;
    private bool _first = true;

    public CsvText(string path)
    {
        _w = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false))
        {
            NewLine = "\n",
        };
    }

    public CsvText Field(string s)
    {
        Sep();
        if (s.AsSpan().IndexOfAny(",\"\r\n") >= 0) _w.Write("\"" + s.Replace("\"", "\"\"") + "\"");
        else _w.Write(s);
        return this;
    }

    public CsvText Field(double v)
    {
        Sep();
        _w.Write(v.ToString("R", Inv));
        return this;
    }

    public CsvText Field(long v)
    {
        Sep();
        _w.Write(v.ToString(Inv));
        return this;
    }

    public CsvText Field(ulong v)
    {
        Sep();
        _w.Write(v.ToString(Inv));
        return this;
    }

    public void Header(params IEnumerable<string> names)
    {
        foreach (var n in names) Field(n);
        End();
    }

    public void End()
    {
        _w.Write('\n');
        _first = true;
    }

    private void Sep()
    {
        if (!_first) _w.Write(',');
        _first = false;
    }

    public void Dispose()
    {
        _w.Flush();
        _w.BaseStream.Flush();
        _w.Dispose();
    }
}
