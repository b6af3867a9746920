namespace Alliances.Cli.Infrastructure;

/// <summary>Bad input detected by a command (unknown design, unwritable output path...): printed to stderr, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
