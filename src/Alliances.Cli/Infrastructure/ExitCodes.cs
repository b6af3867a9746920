namespace Alliances.Cli.Infrastructure;

/// <summary>Process exit codes of the CLI.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Unexpected failure (a bug, an I/O error while writing results...).</summary>
    public const int Failure = 1;
    /// <summary>Bad input: usage error, invalid option value, invalid scenario file.</summary>
    public const int BadInput = 2;
}
