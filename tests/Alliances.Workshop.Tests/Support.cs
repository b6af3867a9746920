using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alliances.Workshop.Tests;

/// <summary>Paths of the repository (the shipped scenario folder).</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Simulation.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (Simulation.sln) not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One workshop server on 127.0.0.1 with a free port (port 0), shared by the tests of a collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public WorkshopServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public StringWriter Log { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await WorkshopServer.StartAsync(new WorkshopOptions
        {
            Port = 0,
            ScenariosDirectory = Repo.Scenarios,
            QueueLimit = 64, // API tests are not about the queue (BurstTests and LimiterTests are)
            Log = Log,
        });
        Client = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "workshop server";
}

internal static class Http
{
    public static async Task<(int Status, JsonNode? Body, string Text)> PostRawAsync(HttpClient client, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        using var resp = await client.PostAsync("api/run", content);
        string text = await resp.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (JsonException) { }
        return ((int)resp.StatusCode, json, text);
    }

    public static Task<(int Status, JsonNode? Body, string Text)> PostAsync(HttpClient client, object body) =>
        PostRawAsync(client, JsonSerializer.Serialize(body));

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var resp = await client.GetAsync(path);
        Assert.Equal(200, (int)resp.StatusCode);
        Assert.StartsWith("application/json", resp.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
    }
}
