using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>The blob store failing under uploads and drops, poison messages on the OCR queue, and Textract throttling/5xx/timeouts.</summary>
public sealed class OcrFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private static readonly string[] Final = ["OCR_COMPLETED", "PENDING_VALIDATION", "OCR_FAILED", "AI_PROCESSING", "AI_COMPLETED", "AI_FAILED"];

    public static bool IsFinal(string status) => Array.IndexOf(Final, status) >= 0;

    [Fact]
    public async Task With_the_blob_store_broken_uploads_fail_cleanly_without_a_row_and_drops_wait_then_are_taken_once()
    {
        await using var host = ReliabilityHost.Create(_database);
        var (tenant, key) = await host.CreateTenantAsync();
        var before = await host.UploadAsync(key, TestFiles.TextPdf(1), "avant.pdf");
        await Eventually.TrueAsync(async () => IsFinal(await host.StatusOfAsync(before)), TimeSpan.FromSeconds(60));

        // Break the invoices container: a plain file where its directory should be (as root, permissions would not stop a write).
        var invoices = Path.Combine(host.Factory.BlobRoot, "invoices");
        Directory.Move(invoices, invoices + ".away");
        await File.WriteAllTextAsync(invoices, "not a directory");
        var drops = 3;
        var uploads = 5;
        try
        {
            for (var i = 0; i < uploads; i++)
            {
                var watch = Stopwatch.StartNew();
                var (status, body) = await host.UploadRawAsync(key, TestFiles.TextPdf(1), $"panne-{i}.pdf");
                Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{(int)status} {body}");
                Assert.Equal("SERVER_ERROR", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
            }
            var inbox = Directory.CreateDirectory(Path.Combine(host.Factory.BlobRoot, "inbox", tenant.ToString())).FullName;
            for (var i = 0; i < drops; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(inbox, $"depot-{i}.pdf"), TestFiles.TextPdf(1, $"FACTURE N D-{i} Total TTC 12,00 EUR"));
            }
            // Several scans go by during the outage; none may create an invoice or a receipt.
            await Eventually.TrueAsync(() => Task.FromResult(host.Logs.Lines.Count(l => l.Contains("Inbox scan failed", StringComparison.Ordinal)) >= 2),
                TimeSpan.FromSeconds(30), "the inbox scanner meets the outage");
            await using var connection = await _database.DataSource.OpenConnectionAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_receipts"));
        }
        finally
        {
            File.Delete(invoices);
            Directory.Move(invoices + ".away", invoices);
        }

        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices WHERE source = 'inbox'") == drops,
                TimeSpan.FromSeconds(60), "the drops are taken in after the outage");
            await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices WHERE status = ANY(@Final)", new { Final }) == 1 + drops,
                TimeSpan.FromSeconds(90), "every invoice reaches a final state");
            // Once: one invoice and one receipt per dropped file, and a further scan adds nothing.
            Assert.Equal(drops, await connection.ExecuteScalarAsync<int>("SELECT count(DISTINCT file_name) FROM invoices WHERE source = 'inbox'"));
            Assert.Equal(drops, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_receipts"));
            var orphans = Directory.EnumerateFiles(invoices, "*", SearchOption.AllDirectories).Count() - await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices");
            Assert.Equal(0, orphans);
            ReliabilityFigures.Record(output, "blob store outage",
                $"{uploads} uploads during the outage: {uploads}×503 SERVER_ERROR, 0 invoice rows; {drops} drops during the outage: 0 taken during it, {drops} taken once after it, all final; orphan blobs 0");
        }
    }

    [Fact]
    public async Task Poison_messages_are_dead_lettered_with_a_reason_and_the_worker_keeps_going()
    {
        await using var host = ReliabilityHost.Create(_database);
        var (_, key) = await host.CreateTenantAsync();
        var queue = host.Services.GetRequiredService<IJobQueue>();
        string[] poison =
        [
            "not json at all",
            "{\"invoiceId\":\"nope\"}",
            "{}",
            "",
            $"{{\"invoiceId\":\"{Guid.NewGuid()}\",\"token\":\"{Guid.NewGuid()}\"}}",
            new string('[', 5000),
        ];
        foreach (var body in poison)
        {
            await queue.EnqueueAsync(QueueNames.OcrJobs, body);
        }
        var good = await host.UploadAsync(key, TestFiles.TextPdf(1), "bonne.pdf");

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var dead = await Eventually.MatchAsync(
            async () => (await connection.QueryAsync<(string Body, string Reason)>("SELECT body, reason FROM job_dead_letters WHERE queue = 'ocr-jobs'")).ToList(),
            rows => rows.Count == poison.Length, TimeSpan.FromSeconds(30), "every poison message is dead-lettered");
        Assert.All(dead, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason)));
        Assert.Contains(dead, d => d.Reason.Contains("unknown", StringComparison.OrdinalIgnoreCase) || d.Reason.Contains("introuvable", StringComparison.OrdinalIgnoreCase));
        await Eventually.TrueAsync(async () => IsFinal(await host.StatusOfAsync(good)), TimeSpan.FromSeconds(60), "a good job after the poison still runs");
        // The job row goes once the handler has returned, just after the invoice reached its final state.
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM job_queue WHERE queue = 'ocr-jobs'") == 0,
            TimeSpan.FromSeconds(30), "the ocr-jobs queue drains");
        ReliabilityFigures.Record(output, "poison messages", $"{poison.Length} poison bodies → {dead.Count} dead letters with reasons ({string.Join(" | ", dead.Select(d => d.Reason).Distinct())}); following job completed");
    }

    [Fact]
    public async Task Textract_5xx_timeouts_and_throttling_are_retried_with_backoff_then_count_as_attempts_up_to_three()
    {
        await using var textract = new FakeTextractServer();
        var calls = new ConcurrentQueue<DateTime>();
        textract.Respond = async _ =>
        {
            calls.Enqueue(DateTime.UtcNow);
            switch (calls.Count % 3)
            {
                case 1:
                    return FakeTextractServer.Error(500, "InternalServerError", "boom");
                case 2:
                    await Task.Delay(TimeSpan.FromSeconds(4)); // beyond the 1 s request timeout
                    return (200, FakeTextractServer.Fixture("test_analyze_expense_from_image.json"));
                default:
                    return FakeTextractServer.Error(400, "ProvisionedThroughputExceededException", "slow down");
            }
        };
        const int maxRetries = 2;
        const int baseDelay = 200;
        await using var host = ReliabilityHost.Create(_database, s =>
        {
            s["Ocr:Engine"] = "textract";
            s["Textract:Region"] = "eu-west-3";
            s["Textract:Endpoint"] = textract.Url;
            s["Textract:MaxRetries"] = maxRetries.ToString();
            s["Textract:RetryBaseDelayMilliseconds"] = baseDelay.ToString();
            s["Textract:RequestTimeoutSeconds"] = "1";
            s["Textract:AccessKeyId"] = "AKIDEXAMPLE";
            s["Textract:SecretAccessKey"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        });
        var (_, key) = await host.CreateTenantAsync();
        var id = await host.UploadAsync(key, TestFiles.GarbagePng(), "ticket.png");

        await Eventually.TrueAsync(async () => await host.StatusOfAsync(id) == "OCR_FAILED", TimeSpan.FromSeconds(90), "three failed attempts");
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var (retryCount, message) = await connection.QuerySingleAsync<(int, string)>("SELECT retry_count, error_message FROM invoices WHERE id = @id", new { id });
        Assert.Equal(3, retryCount);
        Assert.False(string.IsNullOrWhiteSpace(message));
        var times = calls.ToArray();
        Assert.Equal(3 * (maxRetries + 1), times.Length);
        // Within an attempt, call k+1 waits at least half of base × 2^k after call k (jittered exponential backoff).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            for (var k = 0; k < maxRetries; k++)
            {
                var gap = times[attempt * (maxRetries + 1) + k + 1] - times[attempt * (maxRetries + 1) + k];
                Assert.True(gap.TotalMilliseconds >= baseDelay * Math.Pow(2, k) / 2 - 20, $"attempt {attempt + 1}, retry {k + 1}: only {gap.TotalMilliseconds:F0} ms");
            }
        }
        ReliabilityFigures.Record(output, "textract faults",
            $"500/timeout/throttling cycle: {times.Length} calls = 3 attempts × {maxRetries + 1}, retry_count 3, OCR_FAILED '{message}'");
    }
}
