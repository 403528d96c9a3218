using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Ocr;

/// <summary>
/// A local stand-in for Textract (and the S3 bucket of multi-page analyses) speaking the real wire format over HTTP on
/// 127.0.0.1: JSON 1.1 bodies selected by <c>X-Amz-Target</c>, errors as <c>{"__type": ...}</c>. Each request is recorded.
/// </summary>
public sealed class FakeTextractServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeTextractServer()
    {
        var port = FreeTcpPort.Next();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The answer to each request; by default the image fixture for every AnalyzeExpense.</summary>
    public Func<RecordedRequest, Task<(int Status, string Body)>> Respond { get; set; } =
        _ => Task.FromResult((200, Fixture("test_analyze_expense_from_image.json")));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocr", "Textract", name));

    public static (int, string) Error(int status, string type, string message = "fake") =>
        (status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");

    public IEnumerable<RecordedRequest> TextractCalls(string operation) =>
        Requests.Where(r => r.Headers.TryGetValue("X-Amz-Target", out var t) && t == "Textract." + operation);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
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
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray());
        Requests.Enqueue(request);
        var (status, text) = await Respond(request);
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = request.Method == "POST" ? "application/x-amz-json-1.1" : "application/xml";
        if (request.Method == "PUT")
        {
            context.Response.Headers["ETag"] = "\"fake-etag\"";
        }
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }


    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
