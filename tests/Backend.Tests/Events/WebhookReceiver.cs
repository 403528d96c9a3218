using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Backend.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Backend.Tests.Events;

/// <summary>
/// A real HTTP endpoint on a free loopback port (HttpListener, as the other fakes here: a WebApplication built in the
/// test process would be taken over by WebApplicationFactory) that records every webhook it receives and answers
/// <see cref="Status"/>; <see cref="StopAsync"/> closes the port altogether (connection refused).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private HttpListener? _listener;
    private Task? _loop;

    public int Port { get; } = FreeTcpPort.Next();

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The answer to give; 200 unless the test makes the endpoint fail.</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The webhooks answered 2xx, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Received.Where(r => r.AnsweredStatus is >= 200 and < 300).ToList();

    public Task StartAsync()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _listener = listener;
        _loop = Task.Run(() => ServeAsync(listener));
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }
        _listener.Close();
        await _loop!;
        _listener = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var status = Status;
        var headers = new HeaderDictionary();
        foreach (var name in context.Request.Headers.AllKeys)
        {
            headers[name!] = context.Request.Headers[name];
        }
        Received.Enqueue(new ReceivedWebhook(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(),
            headers["webhook-signature"].ToString(), body, status, headers));
        context.Response.StatusCode = status;
        var answer = Encoding.UTF8.GetBytes(status == 200 ? "ok" : "indisponible");
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }
}

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int AnsweredStatus, IHeaderDictionary Headers)
{
    /// <summary>When it arrived, on <see cref="System.Diagnostics.Stopwatch"/>'s clock (latency figures).</summary>
    public long ArrivedAt { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>
    /// The receiver's own reading of the Standard Webhooks specification, independent of the sender's library: the
    /// signed content is <c>id.timestamp.body</c>, the key the base64 after <c>whsec_</c>, the header a space-separated
    /// list of <c>v1,&lt;base64 HMAC-SHA256&gt;</c>; any one matching signature is enough.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}"));
        foreach (var candidate in Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1")
            {
                continue;
            }
            byte[] given;
            try
            {
                given = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }
        return false;
    }
}
