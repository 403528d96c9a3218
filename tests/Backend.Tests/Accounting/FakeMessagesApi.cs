using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Backend.Tests.Accounting;

/// <summary>
/// A local stand-in for the Anthropic Messages API (<c>POST /v1/messages</c>) on 127.0.0.1: it records each
/// request and answers with the next queued reply, in the API's own response format.
/// </summary>
public sealed class FakeMessagesApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body)> _replies = new();

    private FakeMessagesApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body);

    public static async Task<FakeMessagesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeMessagesApi(app);
        app.MapPost("/v1/messages", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            fake.Requests.Enqueue(new RecordedRequest(
                context.Request.Path,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body));
            var (status, reply) = fake._replies.TryDequeue(out var next)
                ? next
                : (500, """{"type":"error","error":{"type":"api_error","message":"no reply queued"}}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>Queues an assistant message whose single text block is <paramref name="text"/>.</summary>
    public void ReplyWithText(string text)
    {
        var message = new JsonObject
        {
            ["id"] = "msg_01XFDUDYJgAACzvnptvVoYEL",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = "claude-sonnet-4-5",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = 812, ["output_tokens"] = 164 },
        };
        _replies.Enqueue((200, message.ToJsonString()));
    }

    public void ReplyWithError(int status, string type, string message) =>
        _replies.Enqueue((status, JsonSerializer.Serialize(new { type = "error", error = new { type, message } })));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
