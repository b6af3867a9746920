using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Alliances.Workshop.Tests;

/// <summary>Bounded work under load: a burst from many clients, the concurrency limiter, the run timeout.</summary>
public sealed class LoadTests
{
    private static Task<WorkshopServer> Start(WorkshopOptions options) =>
        WorkshopServer.StartAsync(options with { Port = 0, ScenariosDirectory = Repo.Scenarios });

    private static async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> Post(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var resp = await client.PostAsync("api/run", content);
        return (resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers.TryGetValues("Retry-After", out var v) ? v.First() : null);
    }

    [Fact]
    public async Task Burst_200RequestsFrom20Clients_OnlySuccessOrExplicit429_ServerStillAnswers()
    {
        await using var server = await Start(new WorkshopOptions());
        const int Clients = 20, PerClient = 10;
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var failures = new ConcurrentBag<string>();
        string[] presets = ["balanced", "decentralized", "centralized"];
        var tasks = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(120) };
            for (int i = 0; i < PerClient; i++)
            {
                string json = $"{{\"design\": {{\"preset\": \"{presets[(c + i) % 3]}\", \"levers\": {{\"regionalShare\": {(0.05 * (i % 5)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}}}}}, \"replications\": 2, \"lang\": \"{(i % 2 == 0 ? "fr" : "en")}\"}}";
                try
                {
                    var (status, body, retry) = await Post(client, json);
                    statuses.Add(status);
                    if (status == HttpStatusCode.TooManyRequests)
                    {
                        if (retry != "1" || !body.Contains("busy")) failures.Add($"429 without Retry-After or message: {body}");
                    }
                    else if (status != HttpStatusCode.OK) failures.Add($"{(int)status}: {body}");
                    else if (JsonNode.Parse(body)!["metrics"] is null) failures.Add("200 without metrics");
                }
                catch (Exception ex)
                {
                    failures.Add(ex.GetType().Name + ": " + ex.Message);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        Assert.Empty(failures);
        Assert.Equal(Clients * PerClient, statuses.Count);
        Assert.Contains(HttpStatusCode.OK, statuses);

        // Still answering, and a normal run works.
        using var after = new HttpClient { BaseAddress = server.Address };
        using (var health = await after.GetAsync("api/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var (s, b, _) = await Post(after, "{\"design\": {\"preset\": \"balanced\"}, \"replications\": 4}");
        Assert.True(s == HttpStatusCode.OK, b);
    }

    [Fact]
    public async Task Limiter_FullQueue_Answers429_OtherRequestsStillServed()
    {
        await using var server = await Start(new WorkshopOptions { MaxConcurrentRuns = 1, QueueLimit = 0 });
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(120) };
        var runs = Enumerable.Range(0, 4).Select(_ => Post(client, "{\"design\": {\"preset\": \"balanced\"}, \"replications\": 32}")).ToArray();
        // GET endpoints are not behind the limiter.
        using (var presets = await client.GetAsync("api/presets")) Assert.Equal(HttpStatusCode.OK, presets.StatusCode);
        var results = await Task.WhenAll(runs);
        Assert.Contains(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(results, r => r.Status == HttpStatusCode.TooManyRequests);
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.Body));
        var busy = results.First(r => r.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal(429, (int)JsonNode.Parse(busy.Body)!["status"]!);
        Assert.Equal("1", busy.RetryAfter);
    }

    [Fact]
    public async Task Timeout_LongRunIsCancelled_Answers503_ServerStillAnswers()
    {
        var log = new StringWriter();
        await using var server = await Start(new WorkshopOptions { RunTimeout = TimeSpan.FromMilliseconds(30), Log = log });
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(120) };
        var (status, body, _) = await Post(client, "{\"design\": {\"preset\": \"balanced\"}, \"replications\": 64}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("fewer replications", body);
        Assert.Contains("exceeded", log.ToString());
        using var health = await client.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task PortInUse_StartFails_WithIOException()
    {
        await using var first = await Start(new WorkshopOptions());
        await Assert.ThrowsAnyAsync<IOException>(() =>
            WorkshopServer.StartAsync(new WorkshopOptions { Port = first.Address.Port, ScenariosDirectory = Repo.Scenarios }));
    }
}
