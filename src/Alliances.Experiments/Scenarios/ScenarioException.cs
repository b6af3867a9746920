namespace Alliances.Experiments.Scenarios;

/// <summary>
/// One problem in a scenario file. Line and column are 1-based (column counts characters); 0 when unknown.
/// Formats as <c>file:line:column: $.json.path: message</c>.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string JsonPath, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return JsonPath.Length > 0 ? $"{where}: {JsonPath}: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>
/// A scenario file could not be loaded: syntax error, unknown field, wrong type, value out of range, contradictory
/// levers, unknown parameter or design, missing or cyclic base file. Carries every problem found (at least one);
/// <see cref="File"/>, <see cref="Line"/>, <see cref="Column"/> and <see cref="JsonPath"/> describe the first.
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join("\n", errors.Select(e => e.ToString())))
    {
        if (errors.Count == 0) throw new ArgumentException("at least one error", nameof(errors));
        Errors = errors;
    }

    public ScenarioException(ScenarioError error) : this([error]) { }

    public IReadOnlyList<ScenarioError> Errors { get; }
    public string File => Errors[0].File;
    public int Line => Errors[0].Line;
    public int Column => Errors[0].Column;
    public string JsonPath => Errors[0].JsonPath;
    /// <summary>What is wrong and what is allowed, without the location.</summary>
    public string Detail => Errors[0].Message;
}
