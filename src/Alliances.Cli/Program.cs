using Alliances.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Alliances.Cli.Infrastructure;

/// <summary>Entry point of the `alliances` executable. Everything else happens in <see cref="CliApp.RunAsync"/>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
}

public static partial class CliApp
{
    /// <summary>Services of the CLI host, including every command. Commands appear in `alliances --help` in this order.</summary>
    private static void RegisterCommands(IServiceCollection services)
    {
        // ============================== COMMANDS ==============================
        // One line per command: services.AddSingleton<ICliCommand, XCommand>();
        // A command implements ICliCommand (see Infrastructure/ICliCommand.cs for the conventions).
        services.AddSingleton<ICliCommand, RunCommand>();
        services.AddSingleton<ICliCommand, CompareCommand>();
        services.AddSingleton<ICliCommand, MergeCommand>();
        services.AddSingleton<ICliCommand, SlurmCommand>();
        services.AddSingleton<ICliCommand, ReportCommand>();
        services.AddSingleton<ICliCommand, ScenariosCommand>();
        services.AddSingleton<ICliCommand, DescribeCommand>();
        services.AddSingleton<ICliCommand, ValidateCommand>();
        services.AddSingleton<ICliCommand, SensitivityCommand>();
        services.AddSingleton<ICliCommand, RobustnessCommand>();
        services.AddSingleton<ICliCommand, DiscoverCommand>();
        services.AddSingleton<ICliCommand, ServeCommand>();
        // ======================================================================
    }
}
