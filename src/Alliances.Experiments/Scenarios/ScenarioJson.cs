using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alliances.Experiments.Scenarios;

// A small JSON tree that remembers where every value and property name came from (file, line, column), so that
// semantic errors found after merging "extends" chains can still point at the right line of the right file.
// Built in one pass with Utf8JsonReader (JsonDocument does not keep line numbers).

/// <summary>A file being read: how it is shown in messages and where it is on disk.</summary>
internal sealed record SourceFile(string Display, string FullPath);

internal readonly record struct SourcePos(SourceFile File, int Line, int Column);

internal abstract class ScNode
{
    public SourcePos Pos { get; init; }
    public abstract string KindName { get; }
}

internal sealed class ScProperty(string name, SourcePos namePos, ScNode value)
{
    public string Name { get; } = name;
    public SourcePos NamePos { get; } = namePos;
    public ScNode Value { get; } = value;
}

internal sealed class ScObject : ScNode
{
    public List<ScProperty> Properties { get; } = [];
    public override string KindName => "an object";
    public ScProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
    public ScNode? this[string name] => Find(name)?.Value;
}

internal sealed class ScArray : ScNode
{
    public List<ScNode> Items { get; } = [];
    public override string KindName => "an array";
}

internal sealed class ScValue : ScNode
{
    public JsonTokenType Token { get; init; }
    /// <summary>Unescaped string, or the number's literal text, or "true"/"false"/"null".</summary>
    public string Text { get; init; } = "";
    public override string KindName => Token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
    /// <summary>The value as it would be written in JSON, for messages.</summary>
    public string Display => Token == JsonTokenType.String ? JsonSerializer.Serialize(Text) : Text;
}

internal static partial class ScenarioJson
{
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>Parses a whole file. Syntax errors throw <see cref="ScenarioException"/> with the reader's line and column.</summary>
    public static ScNode Parse(byte[] bytes, SourceFile file)
    {
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var data = new ReadOnlyMemory<byte>(bytes, offset, bytes.Length - offset);
        var lines = LineStarts(data.Span);
        var path = new List<string>();
        var reader = new Utf8JsonReader(data.Span, ReaderOptions);
        try
        {
            if (!reader.Read())
                throw new ScenarioException(new ScenarioError(file.Display, 1, 1, "$", "the file contains no JSON value; expected an object"));
            var root = ReadValue(ref reader, file, lines, data.Span, path);
            while (reader.Read()) { } // throws on anything but whitespace and comments after the root value
            return root;
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0);
            int bytePos = (int)(ex.BytePositionInLine ?? 0);
            int column = line < lines.Count ? CharColumn(data.Span, lines[line], bytePos) : bytePos + 1;
            var message = TrailingPosition().Replace(ex.Message, "").TrimEnd();
            if (message.Length > 0 && char.IsUpper(message[0]) && !message.StartsWith("'", StringComparison.Ordinal))
                message = char.ToLowerInvariant(message[0]) + message[1..];
            throw new ScenarioException(new ScenarioError(file.Display, line + 1, column, FormatPath(path),
                "JSON syntax error: " + message));
        }
    }

    [GeneratedRegex(@"\s*(Path: .*)?\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex TrailingPosition();

    private static ScNode ReadValue(ref Utf8JsonReader reader, SourceFile file, List<int> lines, ReadOnlySpan<byte> data, List<string> path)
    {
        var pos = Position(file, lines, data, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var obj = new ScObject { Pos = pos };
                while (true)
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndObject) return obj;
                    // TokenType is PropertyName here (the reader rejects anything else).
                    string name = reader.GetString()!;
                    var namePos = Position(file, lines, data, reader.TokenStartIndex);
                    path.Add(PathSegment(name));
                    if (obj.Find(name) is not null)
                        throw new ScenarioException(new ScenarioError(file.Display, namePos.Line, namePos.Column, FormatPath(path),
                            $"duplicate field '{name}'; each field may appear once per object"));
                    reader.Read();
                    var value = ReadValue(ref reader, file, lines, data, path);
                    obj.Properties.Add(new ScProperty(name, namePos, value));
                    path.RemoveAt(path.Count - 1);
                }
            }
            case JsonTokenType.StartArray:
            {
                var arr = new ScArray { Pos = pos };
                while (true)
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray) return arr;
                    path.Add($"[{arr.Items.Count}]");
                    arr.Items.Add(ReadValue(ref reader, file, lines, data, path));
                    path.RemoveAt(path.Count - 1);
                }
            }
            case JsonTokenType.String:
                return new ScValue { Pos = pos, Token = JsonTokenType.String, Text = reader.GetString()! };
            case JsonTokenType.Number:
                return new ScValue { Pos = pos, Token = JsonTokenType.Number, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new ScValue { Pos = pos, Token = JsonTokenType.True, Text = "true" };
            case JsonTokenType.False:
                return new ScValue { Pos = pos, Token = JsonTokenType.False, Text = "false" };
            default:
                return new ScValue { Pos = pos, Token = JsonTokenType.Null, Text = "null" };
        }
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> data)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < data.Length; i++)
            if (data[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }

    private static SourcePos Position(SourceFile file, List<int> lines, ReadOnlySpan<byte> data, long offset)
    {
        int o = (int)offset;
        int line = lines.BinarySearch(o);
        if (line < 0) line = ~line - 1;
        return new SourcePos(file, line + 1, CharColumn(data, lines[line], o - lines[line]));
    }

    /// <summary>1-based column in characters of a byte position within a line.</summary>
    private static int CharColumn(ReadOnlySpan<byte> data, int lineStart, int bytePos)
    {
        int len = Math.Clamp(bytePos, 0, data.Length - lineStart);
        return Encoding.UTF8.GetCharCount(data.Slice(lineStart, len)) + 1;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>".name" for identifiers, "['odd.name']" otherwise.</summary>
    public static string PathSegment(string name) =>
        Identifier().IsMatch(name) ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

    public static string FormatPath(IEnumerable<string> segments) => "$" + string.Concat(segments);

    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
