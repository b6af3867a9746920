using System.CommandLine;
using System.Runtime.InteropServices;
using Alliances.Cli.Infrastructure;
using Alliances.Workshop;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances serve [--port 5080] [--host 127.0.0.1] [--scenarios DIR]</c>: starts the trainers' workshop (a local web
/// page over the simulator), prints the address to open and runs until Ctrl-C.
/// </summary>
public sealed class ServeCommand : ICliCommand
{
    public Command Build()
    {
        var portOpt = new Option<int>("--port")
        {
            Description = "TCP port to listen on (0 picks a free port)",
            DefaultValueFactory = _ => 5080,
        };
        portOpt.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port must be from 0 to 65535");
        });
        var hostOpt = new Option<string>("--host")
        {
            Description = "Address to bind: 127.0.0.1 (this computer only) unless told otherwise, e.g. 0.0.0.0 for the room's network",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var scenariosOpt = new Option<string?>("--scenarios")
        {
            Description = "Folder of scenario files (default.json and the candidate designs) [default: ./scenarios, searched upward]",
        };
        var command = new Command("serve",
            "Start the workshop for trainers: a local web page to move governance levers, run paired simulations and see why "
            + "cohesion and equity move. Prints the address to open; Ctrl-C stops it.")
        {
            portOpt, hostOpt, scenariosOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
            ExecuteAsync(r, r.GetValue(portOpt), r.GetValue(hostOpt) ?? "127.0.0.1", r.GetValue(scenariosOpt), ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult r, int port, string host, string? scenarios, CancellationToken ct)
    {
        if (scenarios is not null && !Directory.Exists(scenarios))
            throw new CliUsageException($"--scenarios: folder '{scenarios}' not found");
        var options = new WorkshopOptions
        {
            Host = host,
            Port = port,
            ScenariosDirectory = scenarios is null ? null : Path.GetFullPath(scenarios),
            Log = r.Err(),
        };

        WorkshopServer server;
        try
        {
            server = await WorkshopServer.StartAsync(options, ct);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"cannot listen on {host}:{port}: {ex.Message}; choose another port with --port");
        }

        await using (server)
        {
            var stdout = r.Out();
            var err = r.Err();
            foreach (string w in server.Presets.Warnings) await err.WriteLineAsync("note: " + w);
            if (WorkshopServer.IsDebugBuild)
                await err.WriteLineAsync("note: this is a Debug build: runs take several seconds; for the room use a Release build "
                                         + "(dotnet run -c Release --project src/Alliances.Cli -- serve)");
            if (host.Trim() is "0.0.0.0" or "*" or "::" or "[::]")
                await err.WriteLineAsync("note: listening on every network interface: anyone on this network can open the workshop");
            await stdout.WriteLineAsync($"Atelier Alliances : ouvrez {server.Address} dans un navigateur (Ctrl-C pour arrêter).");
            await stdout.WriteLineAsync($"Workshop: open {server.Address} in a browser (Ctrl-C to stop).");
            await stdout.WriteLineAsync($"Scenario: {server.Presets.ScenarioSource}; {server.Presets.Presets.Count} presets.");
            await stdout.FlushAsync(CancellationToken.None);

            // Ctrl-C (SIGINT) or SIGTERM stop the server cleanly; a second Ctrl-C while stopping ends the process at once.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            void OnSignal(PosixSignalContext c)
            {
                c.Cancel = !stop.IsCancellationRequested;
                stop.Cancel();
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await stdout.WriteLineAsync("Workshop stopped.");
        }
        return ExitCodes.Success;
    }
}
