using System.CommandLine;
using System.CommandLine.Invocation;
using Alliances.Experiments.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alliances.Cli.Infrastructure;

/// <summary>
/// The CLI host: builds a generic host whose services include every <see cref="ICliCommand"/> (registered in
/// <c>Program.cs</c>), adds the commands to the root command, parses and invokes. <see cref="RunAsync"/> is the test seam:
/// it runs the whole CLI in-process with the given writers and returns the exit code (see <see cref="ExitCodes"/>).
/// </summary>
public static partial class CliApp
{
    public const string Description =
        "Agent-based simulator of the governance of Québec's Alliances pour la solidarité (FQIS, 2017-2023 and beyond).";

    /// <summary>Runs the CLI with <paramref name="args"/>, writing to the given writers. Returns 0 (success),
    /// 2 (bad input: usage error, invalid option or scenario) or 1 (unexpected failure).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var host = BuildHost(args);
        var root = BuildRootCommand(host.Services);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };

        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors) await stderr.WriteLineAsync("error: " + error.Message);
            var command = parse.CommandResult.Command;
            var help = command == root ? "alliances --help" : $"alliances {string.Join(' ', CommandPath(parse))} --help";
            await stderr.WriteLineAsync($"See '{help}'.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (ScenarioException ex)
        {
            foreach (var e in ex.Errors) await stderr.WriteLineAsync("error: " + e);
            return ExitCodes.BadInput;
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled; no results were written");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync("error: unexpected failure: " + ex);
            return ExitCodes.Failure;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(r.Command.Name);
        names.Reverse();
        return names;
    }

    private static IHost BuildHost(string[] args)
    {
        // DisableDefaults: no appsettings files (and their file watchers), no console logging mixed with results.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            DisableDefaults = true,
            ContentRootPath = Environment.CurrentDirectory,
            ApplicationName = "alliances",
        });
        builder.Services.AddSingleton(new CliInvocation([.. args]));
        RegisterCommands(builder.Services);
        return builder.Build();
    }

    /// <summary>The root command with every registered command, in registration order.</summary>
    public static RootCommand BuildRootCommand(IServiceProvider services)
    {
        var root = new RootCommand(Description);
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersionAction();
        foreach (var command in services.GetServices<ICliCommand>())
            root.Subcommands.Add(command.Build());
        return root;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.Out().WriteLine(BuildInfo.CodeVersion);
            return ExitCodes.Success;
        }
    }
}
