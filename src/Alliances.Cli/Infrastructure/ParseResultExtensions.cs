using System.CommandLine;

namespace Alliances.Cli.Infrastructure;

public static class ParseResultExtensions
{
    /// <summary>Standard output of this invocation (the writer given to <see cref="CliApp.RunAsync"/>).</summary>
    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    /// <summary>Standard error of this invocation.</summary>
    public static TextWriter Err(this ParseResult result) => result.InvocationConfiguration.Error;
}
