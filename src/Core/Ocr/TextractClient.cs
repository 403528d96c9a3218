using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Ocr;

/// <summary>
/// A small typed client for Textract's JSON protocol: <c>POST /</c> with <c>X-Amz-Target: Textract.{Operation}</c>
/// and <c>application/x-amz-json-1.1</c>, signed with SigV4 (AWSSDK.Core's signer). Throttling and 5xx answers are
/// retried with exponential backoff and jitter; other errors surface as <see cref="TextractException"/>.
/// </summary>
public sealed class TextractClient(HttpClient http, AwsCredentialsSource credentials, IOptions<TextractSettings> options, TimeProvider time, ILogger<TextractClient> logger)
{
    private const string Service = "textract";
    private const string ContentType = "application/x-amz-json-1.1";

    private TextractSettings Settings => options.Value;

    public Uri Endpoint => Settings.Endpoint.Length > 0
        ? new Uri(Settings.Endpoint)
        : new Uri($"https://textract.{Settings.Region}.amazonaws.com/");

    public Task<JsonNode> AnalyzeExpenseAsync(ReadOnlyMemory<byte> document, CancellationToken cancellationToken) =>
        CallAsync("AnalyzeExpense", new JsonObject { ["Document"] = new JsonObject { ["Bytes"] = Convert.ToBase64String(document.Span) } }, cancellationToken);

    public async Task<string> StartExpenseAnalysisAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var response = await CallAsync("StartExpenseAnalysis", new JsonObject
        {
            ["DocumentLocation"] = new JsonObject { ["S3Object"] = new JsonObject { ["Bucket"] = bucket, ["Name"] = key } },
        }, cancellationToken);
        return response["JobId"]?.GetValue<string>() ?? throw new TextractException("MissingJobId", 200, "StartExpenseAnalysis returned no JobId");
    }

    public Task<JsonNode> GetExpenseAnalysisAsync(string jobId, string? nextToken, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["JobId"] = jobId, ["MaxResults"] = 20 };
        if (nextToken is not null)
        {
            body["NextToken"] = nextToken;
        }
        return CallAsync("GetExpenseAnalysis", body, cancellationToken);
    }

    private async Task<JsonNode> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, payload, cancellationToken);
            }
            catch (Exception e) when (attempt < Settings.MaxRetries && IsRetryable(e, cancellationToken))
            {
                var delay = Backoff(attempt);
                logger.LogWarning("Textract {Operation} failed ({Reason}); retry {Attempt} in {Delay} ms",
                    operation, e is TextractException t ? t.ErrorType : e.GetType().Name, attempt + 1, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private async Task<JsonNode> SendOnceAsync(string operation, byte[] payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var target = $"Textract.{operation}";
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        await SignAsync(request, target, payload);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Settings.RequestTimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(text) ?? throw new TextractException("EmptyResponse", (int)response.StatusCode, null);
        }
        throw ParseError(response.StatusCode, text);
    }

    private async Task SignAsync(HttpRequestMessage request, string target, byte[] payload)
    {
        var creds = await credentials.GetAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = ContentType,
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (creds.UseToken)
        {
            headers["x-amz-security-token"] = creds.Token;
        }
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = new StringBuilder()
            .Append("POST\n")
            .Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath).Append('\n')
            .Append('\n') // no query string
            .AppendJoin("", headers.Select(h => $"{h.Key}:{h.Value}\n")).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(payload)))
            .ToString();
        var signature = AWS4Signer.ComputeSignature(creds, RegionOrDefault, now, Service, signedHeaders, canonicalRequest);

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (creds.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", creds.Token);
        }
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }

    private string RegionOrDefault => Settings.Region.Length > 0 ? Settings.Region : "us-east-1";

    private static TextractException ParseError(HttpStatusCode status, string body)
    {
        string type = status == HttpStatusCode.TooManyRequests ? "ThrottlingException" : "HttpError";
        string? message = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                // "__type" may be qualified: "com.amazonaws.textract#ThrottlingException".
                type = error["__type"]?.GetValue<string>() is { } t ? t[(t.LastIndexOf('#') + 1)..] : type;
                message = (error["message"] ?? error["Message"])?.GetValue<string>();
            }
        }
        catch (JsonException)
        {
        }
        return new TextractException(type, (int)status, message);
    }

    private static bool IsRetryable(Exception e, CancellationToken cancellationToken) => e switch
    {
        TextractException t => t.IsRetryable,
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // our per-request timeout
        _ => false,
    };

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = Settings.RetryBaseDelayMilliseconds * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(baseDelay * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
