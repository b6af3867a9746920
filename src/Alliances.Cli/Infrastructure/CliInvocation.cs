namespace Alliances.Cli.Infrastructure;

/// <summary>The current invocation's raw arguments (a service: commands record them in manifests).</summary>
public sealed record CliInvocation(IReadOnlyList<string> Arguments);
