using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Alliances.Workshop.Api;
using Alliances.Workshop.Catalog;
using Alliances.Workshop.Run;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alliances.Workshop;

/// <summary>
/// The workshop web app: one HTML page (inline CSS and JS, no external resource) and a small JSON API, on Kestrel.
/// <list type="bullet">
/// <item><c>GET /</c>: the page (French by default, English toggle).</item>
/// <item><c>GET /api/presets</c>, <c>GET /api/levers</c>, <c>GET /api/exercises</c>: what the page offers.</item>
/// <item><c>POST /api/run</c>: one paired comparison (see <see cref="RunRequestParser"/>); 400 on bad input, 413 when the
/// body exceeds <see cref="WorkshopOptions.MaxBodyBytes"/>, 415 for a non-JSON content type, 429 when
/// <see cref="WorkshopOptions.MaxConcurrentRuns"/> runs are busy and <see cref="WorkshopOptions.QueueLimit"/> wait,
/// 503 when a run exceeds <see cref="WorkshopOptions.RunTimeout"/>. Every error body is <c>{"error": "...", "path": "$..."}</c>.</item>
/// </list>
/// </summary>
public sealed class WorkshopServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrencyLimiter _limiter;

    private WorkshopServer(WebApplication app, ConcurrencyLimiter limiter, Uri address, PresetCatalog presets)
    {
        _app = app;
        _limiter = limiter;
        Address = address;
        Presets = presets;
    }

    /// <summary>The address to open, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Address { get; }

    public PresetCatalog Presets { get; }

    /// <summary>True when the simulator was compiled without optimisations (a Debug build): runs are several times
    /// slower, too slow for a room. Start the workshop from a Release build.</summary>
    public static bool IsDebugBuild { get; } =
        System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>(typeof(Alliances.Model.Simulation).Assembly)
            ?.IsJITOptimizerDisabled == true;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // answers are read by JSON.parse, never pasted into HTML
    };

    /// <summary>Starts the server and returns once it listens. Throws <see cref="IOException"/> when the port is taken.</summary>
    public static async Task<WorkshopServer> StartAsync(WorkshopOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var address = ParseHost(options.Host);
        var presets = PresetCatalog.Load(options.ScenariosDirectory ?? PresetCatalog.FindScenariosDirectory());
        var runner = new WorkshopRunner(presets, options);
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRuns,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "alliances-workshop",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>(); // the CLI handles Ctrl-C, not the host
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, options.Port);
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxBodyBytes * 4L, 64 * 1024); // backstop; /api/run checks its own cap
            k.Limits.MaxConcurrentConnections = 256;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        var app = builder.Build();
        Map(app, presets, runner, limiter, options);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch
        {
            await app.DisposeAsync();
            limiter.Dispose();
            throw;
        }
        if (options.WarmUp)
        {
            // Compile the simulator's hot paths now, so the first run in the room answers as fast as the others.
            var warm = RunRequestParser.Parse("{\"design\": {\"preset\": \"balanced\"}, \"replications\": 2}"u8.ToArray(), presets, options.MaxReplications);
            _ = Task.Run(() =>
            {
                try
                {
                    runner.Run(warm, app.Lifetime.ApplicationStopping);
                }
                catch (OperationCanceledException)
                {
                }
            });
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new WorkshopServer(app, limiter, uri, presets);
    }

    /// <summary>Completes when the server stops (after <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) => _app.WaitForShutdownAsync(cancellation);

    public Task StopAsync(CancellationToken cancellation = default) => _app.StopAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
        _limiter.Dispose();
    }

    private static IPAddress ParseHost(string host) => host.Trim() switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "0.0.0.0" => IPAddress.Any,
        "::" or "[::]" => IPAddress.IPv6Any,
        var h when IPAddress.TryParse(h.Trim('[', ']'), out var ip) => ip,
        _ => throw new ArgumentException($"--host must be an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost, got '{host}'"),
    };

    // ---------------------------------------------------------------------------------------------------------------

    private static void Map(WebApplication app, PresetCatalog presets, WorkshopRunner runner, ConcurrencyLimiter limiter, WorkshopOptions options)
    {
        var log = options.Log is null ? null : TextWriter.Synchronized(options.Log);
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.CacheControl = "no-store";
            try
            {
                await next(ctx);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ctx.RequestAborted.IsCancellationRequested)
            {
                log?.WriteLine($"workshop: {ctx.Request.Method} {ctx.Request.Path} failed: {ex}");
                if (!ctx.Response.HasStarted)
                {
                    ctx.Response.Clear();
                    await Error(ctx, 500, "internal error: the run failed; see the server's console");
                }
            }
        });

        string page = WorkshopPage.Html;
        app.MapGet("/", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return Results.Text(page, "text/html; charset=utf-8");
        });
        app.MapGet("/api/presets", () => Results.Json(ApiViews.Presets(presets, options), Json));
        app.MapGet("/api/levers", () => Results.Json(ApiViews.Levers(), Json));
        app.MapGet("/api/exercises", () => Results.Json(ApiViews.ExerciseList(), Json));
        app.MapGet("/api/health", () => Results.Json(new { status = "ok" }, Json));
        app.MapPost("/api/run", (HttpContext ctx) => RunAsync(ctx, presets, runner, limiter, options, log));
        app.MapFallback((HttpContext ctx) => Error(ctx, 404, $"no such page or endpoint: {ctx.Request.Method} {ctx.Request.Path}; the page is at /, the API under /api/ (presets, levers, exercises, run)"));
    }

    private static async Task RunAsync(HttpContext ctx, PresetCatalog presets, WorkshopRunner runner, ConcurrencyLimiter limiter,
        WorkshopOptions options, TextWriter? log)
    {
        if (ctx.Request.ContentType is { Length: > 0 } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await Error(ctx, 415, $"send the request as application/json (got '{type}')");
            return;
        }
        if (ctx.Request.ContentLength > options.MaxBodyBytes)
        {
            await Error(ctx, 413, $"request body too large: {ctx.Request.ContentLength} bytes; the limit is {options.MaxBodyBytes} bytes");
            return;
        }
        byte[]? body = await ReadBodyAsync(ctx, options.MaxBodyBytes);
        if (body is null)
        {
            await Error(ctx, 413, $"request body too large: the limit is {options.MaxBodyBytes} bytes");
            return;
        }

        RunRequest request;
        try
        {
            request = RunRequestParser.Parse(body, presets, options.MaxReplications);
        }
        catch (ApiException ex)
        {
            await Error(ctx, ex.Status, ex.Message, ex.Path);
            return;
        }

        using var lease = await limiter.AcquireAsync(1, ctx.RequestAborted);
        if (!lease.IsAcquired)
        {
            ctx.Response.Headers.RetryAfter = "1";
            await Error(ctx, 429, "the workshop is busy with other runs; try again in a moment");
            return;
        }

        using var timeout = new CancellationTokenSource(options.RunTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ctx.RequestAborted);
        RunResult result;
        try
        {
            result = await Task.Run(() => runner.Run(request, linked.Token), linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ctx.RequestAborted.IsCancellationRequested)
        {
            log?.WriteLine($"workshop: a run of {request.Replications} replications exceeded {options.RunTimeout.TotalSeconds:0} s and was cancelled");
            await Error(ctx, 503, $"the run took longer than {options.RunTimeout.TotalSeconds:0} s and was cancelled; try fewer replications");
            return;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return; // the client left
        }
        await ctx.Response.WriteAsJsonAsync(result, Json, ctx.RequestAborted);
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (reading stops there).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext ctx, int max)
    {
        var buffer = new byte[max + 1];
        int total = 0;
        while (true)
        {
            int n = await ctx.Request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), ctx.RequestAborted);
            if (n == 0) break;
            total += n;
            if (total > max) return null;
        }
        return buffer[..total];
    }

    internal static Task Error(HttpContext ctx, int status, string message, string path = "$")
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new ErrorBody(message, path, status), Json);
    }

    private sealed record ErrorBody(string Error, string Path, int Status);

    /// <summary>A host lifetime that leaves Ctrl-C to the caller (the CLI's cancellation token).</summary>
    private sealed class CallerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
