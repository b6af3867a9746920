using System.Net;
using System.Text.RegularExpressions;
using Alliances.Cli.Infrastructure;

namespace Alliances.Workshop.Tests;

/// <summary><c>alliances serve</c> through the CLI host (in-process), stopped by cancellation as Ctrl-C would.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_PrintsTheAddress_Answers_StopsOnCancel()
    {
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => CliApp.RunAsync(["serve", "--port", "0", "--scenarios", Repo.Scenarios], stdout, stderr, cts.Token));

        Uri? address = null;
        for (int i = 0; i < 600 && address is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            if (Address().Match(stdout.Text) is { Success: true } m) address = new Uri(m.Value);
        }
        Assert.True(address is not null, $"no address printed; stdout: {stdout.Text}; stderr: {stderr.Text}");
        Assert.Equal("127.0.0.1", address!.Host);
        Assert.Contains("Ctrl-C", stdout.Text);

        using (var client = new HttpClient { BaseAddress = address })
        {
            using var page = await client.GetAsync("");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Alliances", await page.Content.ReadAsStringAsync());
        }

        cts.Cancel();
        int code = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, code);
        Assert.Contains("stopped", stdout.Text);
        using var after = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => after.GetAsync("api/health"));
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be from 0 to 65535")]
    [InlineData("--host", "my-laptop", "--host must be an IP address")]
    [InlineData("--scenarios", "/no/such/folder", "not found")]
    public async Task Serve_BadOption_ExitsWithCode2(string option, string value, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = option == "--port" ? ["serve", option, value] : ["serve", "--port", "0", option, value];
        int code = await CliApp.RunAsync(args, stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr.ToString());
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsWithCode2_AndSaysSo()
    {
        await using var taken = await WorkshopServer.StartAsync(new WorkshopOptions { Port = 0, ScenariosDirectory = Repo.Scenarios });
        var stderr = new StringWriter();
        int code = await CliApp.RunAsync(["serve", "--port", taken.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("choose another port", stderr.ToString());
    }

    /// <summary>The real Ctrl-C path: `alliances serve` as a child process, sent SIGINT, stops cleanly with exit code 0.</summary>
    [Fact]
    public async Task Serve_AsAProcess_CtrlC_StopsCleanly()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // signals are sent with kill(2)
        string cli = Path.Combine(AppContext.BaseDirectory, "alliances.dll");
        Assert.True(File.Exists(cli), cli);
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "serve", "--port", "0", "--scenarios", Repo.Scenarios },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = new SyncWriter();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) stdout.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Uri? address = null;
            for (int i = 0; i < 600 && address is null && !process.HasExited; i++)
            {
                await Task.Delay(100);
                if (Address().Match(stdout.Text) is { Success: true } m) address = new Uri(m.Value);
            }
            Assert.True(address is not null, "no address printed: " + stdout.Text);
            using (var client = new HttpClient { BaseAddress = address })
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/health")).StatusCode);

            Assert.Equal(0, Kill(process.Id, 2 /* SIGINT */));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Workshop stopped.", stdout.Text);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex Address();

    /// <summary>A writer the test can read while the server writes.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public string Text { get { lock (_lock) return ToString(); } }

        public override void Write(char value) { lock (_lock) base.Write(value); }

        public override void Write(string? value) { lock (_lock) base.Write(value); }

        public override void WriteLine(string? value) { lock (_lock) base.WriteLine(value); }

        public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }

        public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    }
}
