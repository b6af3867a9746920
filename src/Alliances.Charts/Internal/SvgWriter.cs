using System.Text;

namespace Alliances.Charts.Internal;

/// <summary>
/// Minimal streaming SVG/XML writer. Attribute values and text are escaped; numbers go through
/// <see cref="Num"/> (invariant culture, 2 decimals). Output uses "\n" line endings and two-space
/// indentation so that it is deterministic and diff-friendly.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new(4096);
    private readonly Stack<string> _open = new();
    private string? _pending;

    /// <summary>Starts an element; follow with attributes then <see cref="End"/>, <see cref="Open"/> or <see cref="Text"/>.</summary>
    public SvgWriter Start(string name)
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException($"Element <{_pending}> was not finished.");
        }

        _sb.Append(' ', _open.Count * 2).Append('<').Append(name);
        _pending = name;
        return this;
    }

    public SvgWriter A(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _sb.Append(' ').Append(name).Append("=\"").Append(Xml.Escape(value)).Append('"');
        return this;
    }

    public SvgWriter A(string name, double value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(Num.C(value)).Append('"');
        return this;
    }

    /// <summary>Opacity-like attribute (0..1, up to 3 decimals). Omitted when 1.</summary>
    public SvgWriter Opacity(string name, double value)
    {
        if (value >= 1)
        {
            return this;
        }

        _sb.Append(' ').Append(name).Append("=\"").Append(Num.Unit(value)).Append('"');
        return this;
    }

    /// <summary>Closes the started element as empty (<c>/&gt;</c>).</summary>
    public void End()
    {
        RequirePending();
        _sb.Append("/>\n");
        _pending = null;
    }

    /// <summary>Closes the start tag and pushes the element; children follow until <see cref="Close"/>.</summary>
    public void Open()
    {
        string name = RequirePending();
        _sb.Append(">\n");
        _open.Push(name);
        _pending = null;
    }

    /// <summary>Writes escaped text content and the end tag on the same line.</summary>
    public void Text(string? content)
    {
        string name = RequirePending();
        _sb.Append('>').Append(Xml.Escape(content)).Append("</").Append(name).Append(">\n");
        _pending = null;
    }

    /// <summary>Writes a text element with a &lt;title&gt; child (tooltip), e.g. for truncated labels.</summary>
    public void TextWithTitle(string? content, string? title)
    {
        string name = RequirePending();
        _sb.Append("><title>").Append(Xml.Escape(title)).Append("</title>")
           .Append(Xml.Escape(content)).Append("</").Append(name).Append(">\n");
        _pending = null;
    }

    /// <summary>Writes an element whose only child is a &lt;title&gt; tooltip (e.g. a heatmap cell).</summary>
    public void WithTitle(string? title)
    {
        string name = RequirePending();
        _sb.Append("><title>").Append(Xml.Escape(title)).Append("</title></").Append(name).Append(">\n");
        _pending = null;
    }

    public void Close()
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException($"Element <{_pending}> was not finished.");
        }

        string name = _open.Pop();
        _sb.Append(' ', _open.Count * 2).Append("</").Append(name).Append(">\n");
    }

    public override string ToString()
    {
        if (_pending is not null || _open.Count > 0)
        {
            throw new InvalidOperationException("SVG document has unclosed elements.");
        }

        return _sb.ToString();
    }

    private string RequirePending() =>
        _pending ?? throw new InvalidOperationException("No element started.");
}

/// <summary>Builds SVG path data ("d" attribute) with invariant, rounded numbers.</summary>
internal sealed class PathData
{
    private readonly StringBuilder _sb = new();

    public bool IsEmpty => _sb.Length == 0;

    public PathData M(double x, double y) => Cmd('M', x, y);

    public PathData L(double x, double y) => Cmd('L', x, y);

    public PathData Z()
    {
        _sb.Append('Z');
        return this;
    }

    public override string ToString() => _sb.ToString();

    private PathData Cmd(char c, double x, double y)
    {
        _sb.Append(c).Append(Num.C(x)).Append(',').Append(Num.C(y));
        return this;
    }
}
