using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Backend.Core.Ocr;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Ocr;

public sealed class TextractOcrEngineTests : IAsyncLifetime
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private readonly FakeTextractServer _server = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private TextractOcrEngine Engine(int maxRetries = 3, string bucket = "")
    {
        var settings = Options.Create(new TextractSettings
        {
            Region = "eu-west-3", Endpoint = _server.Url, S3Endpoint = _server.Url, S3Bucket = bucket,
            MaxRetries = maxRetries, RetryBaseDelayMilliseconds = 10, PollIntervalMilliseconds = 10,
        });
        var credentials = new AwsCredentialsSource(() => new BasicAWSCredentials(AccessKey, SecretKey));
        var client = new TextractClient(_http, credentials, settings, TimeProvider.System, NullLogger<TextractClient>.Instance);
        return new TextractOcrEngine(client, credentials, settings, TimeProvider.System);
    }

    [Fact]
    public async Task Sends_a_signed_analyze_expense_call_and_maps_fields_with_normalised_confidences()
    {
        var result = await Engine().ReadAsync(Png, MediaTypes.Png, default);

        var call = Assert.Single(_server.TextractCalls("AnalyzeExpense"));
        Assert.Equal("POST", call.Method);
        Assert.Equal("application/x-amz-json-1.1", call.Headers["Content-Type"]);
        using (var body = JsonDocument.Parse(call.Body))
        {
            Assert.Equal(Png, body.RootElement.GetProperty("Document").GetProperty("Bytes").GetBytesFromBase64());
        }
        AssertValidSigV4(call, "eu-west-3", "textract");

        // Expected values read from the fixture itself: the TOTAL summary field and its 0–100 confidence.
        using var fixture = JsonDocument.Parse(FakeTextractServer.Fixture("test_analyze_expense_from_image.json"));
        var total = fixture.RootElement.GetProperty("ExpenseDocuments")[0].GetProperty("SummaryFields").EnumerateArray()
            .First(f => f.GetProperty("Type").GetProperty("Text").GetString() == "TOTAL");
        var field = Assert.Single(result.EngineFields, f => f.Type == "TOTAL");
        Assert.Equal(total.GetProperty("ValueDetection").GetProperty("Text").GetString(), field.Value);
        Assert.Equal("TOTAL", field.Label);
        Assert.Equal(total.GetProperty("ValueDetection").GetProperty("Confidence").GetDouble() / 100, field.Confidence, 3);
        Assert.Equal("textract", result.Engine);
        Assert.Contains("MEGA", result.Text);
        Assert.InRange(result.Confidence, 0.5, 1.0);
        Assert.All(result.Pages.SelectMany(p => p.Words), w => Assert.InRange(w.Confidence, 0, 1));
    }

    [Fact]
    public async Task A_response_without_summary_fields_still_gives_the_text()
    {
        _server.Respond = _ => Task.FromResult((200, FakeTextractServer.Fixture("test_analyze_expense_no_summary_fields.json")));

        var result = await Engine().ReadAsync(Png, MediaTypes.Png, default);

        Assert.Empty(result.EngineFields);
        Assert.Contains("GIL VNS HR CMEGI CRT", result.Text);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_with_backoff()
    {
        var answers = new Queue<(int, string)>([
            FakeTextractServer.Error(400, "ThrottlingException", "Rate exceeded"),
            FakeTextractServer.Error(500, "InternalServerError"),
            (200, FakeTextractServer.Fixture("test_analyze_expense_from_image.json")),
        ]);
        _server.Respond = _ => Task.FromResult(answers.Dequeue());

        var result = await Engine(maxRetries: 3).ReadAsync(Png, MediaTypes.Png, default);

        Assert.Equal(3, _server.TextractCalls("AnalyzeExpense").Count());
        Assert.NotEmpty(result.EngineFields);
    }

    [Fact]
    public async Task Persistent_throttling_is_a_transient_failure_after_the_retries()
    {
        _server.Respond = _ => Task.FromResult(FakeTextractServer.Error(400, "com.amazonaws.textract#ProvisionedThroughputExceededException"));

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine(maxRetries: 2).ReadAsync(Png, MediaTypes.Png, default));

        Assert.True(error.IsTransient);
        Assert.Contains("Textract saturé", error.Message);
        Assert.Equal(3, _server.TextractCalls("AnalyzeExpense").Count());
    }

    [Fact]
    public async Task A_document_textract_cannot_read_fails_permanently_without_retries()
    {
        _server.Respond = _ => Task.FromResult(FakeTextractServer.Error(400, "BadDocumentException"));

        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(Png, MediaTypes.Png, default));

        Assert.False(error.IsTransient);
        Assert.Single(_server.TextractCalls("AnalyzeExpense"));
    }

    [Fact]
    public async Task A_multi_page_pdf_goes_through_s3_and_the_asynchronous_api()
    {
        var pdf = TestDocuments.TextPdf(["Facture"], pages: 3);
        var polls = 0;
        _server.Respond = request =>
        {
            if (request.Method is "PUT" or "DELETE")
            {
                return Task.FromResult((request.Method == "PUT" ? 200 : 204, ""));
            }
            var target = request.Headers["X-Amz-Target"];
            if (target == "Textract.StartExpenseAnalysis")
            {
                return Task.FromResult((200, """{"JobId":"job-1"}"""));
            }
            polls++;
            using var body = JsonDocument.Parse(request.Body);
            var page = body.RootElement.TryGetProperty("NextToken", out _) ? 2 : 1;
            if (polls == 1)
            {
                return Task.FromResult((200, """{"JobStatus":"IN_PROGRESS"}"""));
            }
            var fixture = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FakeTextractServer.Fixture("test_analyze_expense_from_image.json"))!;
            var answer = new Dictionary<string, object> { ["JobStatus"] = "SUCCEEDED", ["ExpenseDocuments"] = fixture["ExpenseDocuments"] };
            if (page == 1)
            {
                answer["NextToken"] = "page-2";
            }
            return Task.FromResult((200, JsonSerializer.Serialize(answer)));
        };

        var result = await Engine(bucket: "invoices-ocr").ReadAsync(pdf, MediaTypes.Pdf, default);

        var put = Assert.Single(_server.Requests, r => r.Method == "PUT");
        Assert.StartsWith("/invoices-ocr/textract-input/", put.Path);
        Assert.Equal(pdf, put.Body);
        var start = Assert.Single(_server.TextractCalls("StartExpenseAnalysis"));
        using (var body = JsonDocument.Parse(start.Body))
        {
            var s3 = body.RootElement.GetProperty("DocumentLocation").GetProperty("S3Object");
            Assert.Equal("invoices-ocr", s3.GetProperty("Bucket").GetString());
            Assert.Equal(put.Path["/invoices-ocr/".Length..], s3.GetProperty("Name").GetString());
        }
        Assert.Equal(3, _server.TextractCalls("GetExpenseAnalysis").Count());
        Assert.Contains(_server.Requests, r => r.Method == "DELETE" && r.Path == put.Path);
        Assert.NotEmpty(result.EngineFields);
    }

    [Fact]
    public async Task A_multi_page_pdf_without_a_bucket_is_a_readable_failure()
    {
        var error = await Assert.ThrowsAsync<OcrException>(() => Engine().ReadAsync(TestDocuments.TextPdf(["x"], pages: 2), MediaTypes.Pdf, default));

        Assert.Contains("Textract__S3Bucket", error.Message);
        Assert.Empty(_server.Requests);
    }

    /// <summary>Recomputes the SigV4 signature from what arrived on the wire (independently of AWSSDK's signer).</summary>
    private static void AssertValidSigV4(RecordedRequest request, string region, string service)
    {
        var authorization = request.Headers["Authorization"];
        var match = Regex.Match(authorization, @"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[^,]+), Signature=(?<sig>[0-9a-f]{64})$");
        Assert.True(match.Success, authorization);
        Assert.Equal(AccessKey, match.Groups["key"].Value);
        Assert.Equal(region, match.Groups["region"].Value);
        Assert.Equal(service, match.Groups["service"].Value);
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        Assert.Contains("x-amz-target", signedHeaders);
        Assert.Contains("host", signedHeaders);

        var amzDate = request.Headers["X-Amz-Date"];
        var canonical = "POST\n/\n\n"
            + string.Concat(signedHeaders.Select(h => $"{h}:{request.Headers[h].Trim()}\n")) + "\n"
            + string.Join(';', signedHeaders) + "\n"
            + Convert.ToHexStringLower(SHA256.HashData(request.Body));
        var scope = $"{match.Groups["date"].Value}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { match.Groups["date"].Value, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign))), match.Groups["sig"].Value);
    }
}
