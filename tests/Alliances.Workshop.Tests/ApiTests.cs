using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Alliances.Workshop.Tests;

/// <summary>The JSON API over real HTTP (Kestrel on 127.0.0.1, a free port).</summary>
[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerFixture fx)
{
    private HttpClient Client => fx.Client;

    [Fact]
    public void Server_ListensOnLoopback_OnAFreePort()
    {
        Assert.Equal("127.0.0.1", fx.Server.Address.Host);
        Assert.NotEqual(0, fx.Server.Address.Port);
    }

    [Fact]
    public async Task Presets_ListPolesAndShippedDesigns_WithEveryLever()
    {
        var j = await Http.GetJsonAsync(Client, "api/presets");
        Assert.Equal("default", (string?)j["scenario"]!["name"]);
        Assert.Equal(72, (int)j["scenario"]!["months"]!);
        Assert.Equal(64, (int)j["scenario"]!["maxReplications"]!);
        var presets = j["presets"]!.AsArray();
        Assert.Equal(["centralized", "decentralized", "balanced"], presets.Take(3).Select(p => (string)p!["id"]!));
        Assert.True(presets.Count > 3, "designs of the other shipped scenario files are offered too");
        var balanced = presets[2]!;
        Assert.Equal("Équilibré (recommandé)", (string?)balanced["label"]!["fr"]);
        Assert.Equal("Balanced (recommended)", (string?)balanced["label"]!["en"]);
        Assert.Equal("StandardAllowance", (string?)balanced["levers"]!["allowance"]);
        Assert.Equal(0.2, (double)balanced["levers"]!["regionalShare"]!);
        Assert.True((bool)balanced["levers"]!["regionalTable"]!);
        Assert.Equal(Alliances.Experiments.Scenarios.LeverFields.All.Count, balanced["levers"]!.AsObject().Count);
        Assert.Contains(j["groups"]!.AsArray(), g => (string?)g!["id"] == "poles");
    }

    [Fact]
    public async Task Levers_GiveTypesRangesOptionsAndBilingualTexts()
    {
        var j = await Http.GetJsonAsync(Client, "api/levers");
        var levers = j["levers"]!.AsArray();
        JsonNode L(string name) => levers.First(l => (string?)l!["name"] == name)!;
        Assert.Equal("number", (string?)L("regionalShare")["type"]);
        Assert.Equal(0, (double)L("regionalShare")["min"]!);
        Assert.Equal(0.6, (double)L("regionalShare")["max"]!);
        Assert.True((bool)L("regionalShare")["percent"]!);
        Assert.Equal("int", (string?)L("expertsPerBody")["type"]);
        Assert.Equal(6, (double)L("expertsPerBody")["max"]!);
        Assert.Equal("bool", (string?)L("peerCommittee")["type"]);
        var allowance = L("allowance");
        Assert.Equal("enum", (string?)allowance["type"]);
        Assert.Equal(["None", "CostCoverage", "Stipend", "StandardAllowance"], allowance["options"]!.AsArray().Select(o => (string)o!["value"]!));
        Assert.Equal("Allocation normée", (string?)allowance["options"]![3]!["label"]!["fr"]);
        Assert.True((bool)allowance["main"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)allowance["help"]!["fr"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)allowance["help"]!["en"]));
        Assert.Equal(5, j["groups"]!.AsArray().Count);
    }

    [Fact]
    public async Task Exercises_AreListedWithStartGoalsAndHints()
    {
        var j = (await Http.GetJsonAsync(Client, "api/exercises")).AsArray();
        Assert.InRange(j.Count, 3, 4);
        var first = j[0]!;
        Assert.Equal("equity-without-table", (string?)first["id"]);
        Assert.Equal("decentralized", (string?)first["design"]!["preset"]);
        Assert.NotEmpty(first["goals"]!.AsArray());
        Assert.NotEmpty(first["hints"]!.AsArray());
    }

    [Fact]
    public async Task Page_IsOneSelfContainedHtmlDocument()
    {
        using var resp = await Client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("text/html", resp.Content.Headers.ContentType?.MediaType);
        string html = await resp.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("<script src", html);
        Assert.Contains("default-src 'none'", resp.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Run_GoodRequest_ReturnsPairedDifferences_Charts_Notes()
    {
        var (status, j, text) = await Http.PostAsync(Client, new
        {
            design = new { preset = "balanced" },
            reference = new { preset = "decentralized" },
            replications = 16,
            lang = "fr",
        });
        Assert.True(status == 200, text);
        Assert.Equal("fr", (string?)j!["lang"]);
        Assert.Equal(16, (int)j["replications"]!);
        Assert.Equal(72, (int)j["months"]!);
        Assert.Equal("Équilibré (recommandé)", (string?)j["design"]!["label"]);
        var metrics = j["metrics"]!.AsArray();
        var cohesion = metrics.First(m => (string?)m!["name"] == "cohesion_index")!;
        Assert.Equal("better", (string?)cohesion["diff"]!["verdict"]);
        Assert.True((double)cohesion["diff"]!["ciLow"]! > 0);
        Assert.InRange((double)cohesion["diff"]!["shareBetter"]!, 0.5, 1);
        Assert.StartsWith("+0,", (string?)cohesion["diff"]!["text"]);
        Assert.Contains("\u00A0;", (string?)cohesion["diff"]!["ciText"]);
        foreach (string chart in new[] { "tradeoff", "mobilization", "expertParticipation", "differences" })
        {
            string svg = (string)j["charts"]![chart]!;
            Assert.StartsWith("<svg", svg);
            Assert.EndsWith("</svg>", svg.TrimEnd());
        }
        Assert.Contains("Compromis cohésion–équité", (string)j["charts"]!["tradeoff"]!);
        Assert.Contains("<circle", (string)j["charts"]!["tradeoff"]!);
        var why = j["why"]!.AsArray();
        Assert.NotEmpty(why);
        Assert.Contains("Plus cohésif et plus équitable", (string?)why[0]!["text"]);
    }

    [Fact]
    public async Task Run_IsDeterministic_AndEnglishOnRequest()
    {
        var body = new { design = new { preset = "decentralized", levers = new { localSplit = "CapacityCompensating" } }, replications = 8, lang = "en" };
        var a = await Http.PostAsync(Client, body);
        var b = await Http.PostAsync(Client, body);
        Assert.Equal(200, a.Status);
        Assert.Equal(a.Body!["metrics"]!.ToJsonString(), b.Body!["metrics"]!.ToJsonString());
        Assert.Equal("en", (string?)a.Body["lang"]);
        Assert.Equal("Decentralized (2017-2023), modified", (string?)a.Body["design"]!["label"]);
        Assert.Equal("CapacityCompensating", (string?)a.Body["design"]!["changes"]!["localSplit"]);
        Assert.Contains("Cohesion–equity trade-off", (string)a.Body["charts"]!["tradeoff"]!);
    }

    [Fact]
    public async Task Run_WithExercise_ChecksTheGoal()
    {
        var (status, j, text) = await Http.PostAsync(Client, new
        {
            design = new { preset = "decentralized" },
            reference = new { preset = "decentralized" },
            replications = 8,
            exercise = "equity-without-table",
        });
        Assert.True(status == 200, text);
        var ex = j!["exercise"]!;
        Assert.Equal("equity-without-table", (string?)ex["id"]);
        Assert.False((bool)ex["reached"]!);
        var checks = ex["checks"]!.AsArray();
        Assert.True((bool)checks[0]!["ok"]!); // no regional table
        Assert.False((bool)checks[1]!["ok"]!); // no equity gain against itself
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "{\"design\": ", "malformed JSON", "$" },
        { "\"balanced\"", "must be a JSON object", "$" },
        { "{\"design\": {\"preset\": \"balanced\"}, \"replications\": \"many\"}", "must be an integer", "$.replications" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"regionalShare\": true}}}", "takes a number", "$.design.levers.regionalShare" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"peerCommittee\": 1}}}", "takes true or false", "$.design.levers.peerCommittee" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"localSplit\": \"ByMood\"}}}", "is not a value of lever 'localSplit'", "$.design.levers.localSplit" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"happiness\": 1}}}", "unknown lever 'happiness'", "$.design.levers.happiness" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"regionalShare\": 0.75}}}", "out of range: allowed 0 to 0.6", "$.design.levers.regionalShare" },
        { "{\"design\": {\"preset\": \"balanced\", \"levers\": {\"regionalShare\": -0.1}}}", "out of range", "$.design.levers.regionalShare" },
        { "{\"design\": {\"preset\": \"balanced\"}, \"replications\": 5000}", "from 2 to 64", "$.replications" },
        { "{\"design\": {\"preset\": \"paradise\"}}", "unknown preset 'paradise'", "$.design.preset" },
        { "{\"design\": {\"preset\": \"balanced\"}, \"reference\": {\"preset\": \"nowhere\"}}", "unknown preset 'nowhere'", "$.reference.preset" },
        { "{\"design\": {\"preset\": \"balanced\"}, \"lang\": \"es\"}", "\"fr\" or \"en\"", "$.lang" },
        { "{\"design\": {\"preset\": \"balanced\"}, \"seed\": 3}", "unknown field 'seed'", "$.seed" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Run_BadInput_Answers400WithClearJsonMessage(string body, string message, string path)
    {
        var (status, j, text) = await Http.PostRawAsync(Client, body);
        Assert.True(status == 400, $"{status}: {text}");
        Assert.Contains(message, (string?)j!["error"]);
        Assert.Equal(path, (string?)j["path"]);
        Assert.Equal(400, (int)j["status"]!);
    }

    [Fact]
    public async Task Run_BodyTooLarge_Answers413()
    {
        string padding = new('x', 20 * 1024);
        var (status, j, _) = await Http.PostRawAsync(Client, $"{{\"design\": {{\"preset\": \"balanced\"}}, \"pad\": \"{padding}\"}}");
        Assert.Equal(413, status);
        Assert.Contains("too large", (string?)j!["error"]);

        // Without Content-Length (chunked): the server stops reading at the cap.
        using var content = new PushContent(Encoding.UTF8.GetBytes(padding + padding));
        using var resp = await Client.PostAsync("api/run", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, resp.StatusCode);
    }

    [Fact]
    public async Task Run_WrongContentType_Answers415()
    {
        var (status, j, _) = await Http.PostRawAsync(Client, "design=balanced", "application/x-www-form-urlencoded");
        Assert.Equal(415, status);
        Assert.Contains("application/json", (string?)j!["error"]);
    }

    [Fact]
    public async Task UnknownRoutesAndMethods_AnswerJsonErrors()
    {
        using var notFound = await Client.GetAsync("api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("no such page", await notFound.Content.ReadAsStringAsync());
        using var get = await Client.GetAsync("api/run");
        Assert.True(get.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, get.StatusCode.ToString());
    }

    /// <summary>Content with no length (sent chunked).</summary>
    private sealed class PushContent(byte[] data) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
