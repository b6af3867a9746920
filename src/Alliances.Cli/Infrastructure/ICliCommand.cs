using System.CommandLine;

namespace Alliances.Cli.Infrastructure;

/// <summary>
/// A top-level command of the `alliances` CLI. Implementations are registered as services in Program.cs
/// (<c>services.AddSingleton&lt;ICliCommand, XCommand&gt;()</c>) and may take other services in their constructor.
/// <para>Conventions: write to <c>parseResult.Out()</c> / <c>parseResult.Err()</c> (never <see cref="Console"/>), format
/// numbers with the invariant culture, throw <see cref="CliUsageException"/> (or let a
/// <see cref="Alliances.Experiments.Scenarios.ScenarioException"/> escape) for bad input: the host prints it and exits
/// with code 2. Any other exception exits with code 1. Validate every input before creating output files.</para>
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the command (options, arguments, action). Called once per CLI invocation.</summary>
    Command Build();
}
