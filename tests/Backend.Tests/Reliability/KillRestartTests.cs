using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;
using Dapper;
using Xunit.Abstractions;

namespace Backend.Tests.Reliability;

/// <summary>
/// SelfHost SIGKILLed while OCR jobs run, then restarted: every invoice ends final, none is lost, none is stored or
/// chained twice. Short queue visibility and stuck deadlines make the restart pick the interrupted work up quickly.
/// Kill cycles: <c>RELIABILITY_KILL_CYCLES</c> (CI 1), invoices per cycle <c>RELIABILITY_KILL_INVOICES</c> (CI 6).
/// </summary>
[Collection(HeavyDrills.Name)]
public sealed class KillRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Invoices_in_flight_when_selfhost_is_killed_all_end_final_exactly_once_after_a_restart()
    {
        var cycles = ReliabilityFigures.Scaled("RELIABILITY_KILL_CYCLES", 1);
        var perCycle = ReliabilityFigures.Scaled("RELIABILITY_KILL_INVOICES", 6);
        await using var textract = new FakeTextractServer();
        var inFlight = 0;
        textract.Respond = async _ =>
        {
            Interlocked.Increment(ref inFlight);
            await Task.Delay(1500); // OCR takes a while: the kill lands mid-attempt
            return (200, FakeTextractServer.Fixture("test_analyze_expense_from_image.json"));
        };
        var blobRoot = Directory.CreateTempSubdirectory("reliability-kill-").FullName;
        await using var selfHost = new SelfHostProcess(_database.ConnectionString, blobRoot, new Dictionary<string, string>
        {
            ["Ocr__Engine"] = "textract",
            ["Textract__Region"] = "eu-west-3",
            ["Textract__Endpoint"] = textract.Url,
            ["Textract__AccessKeyId"] = "AKIDEXAMPLE",
            ["Textract__SecretAccessKey"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            ["Textract__MaxRetries"] = "0",
            ["Queue__VisibilityTimeoutSeconds"] = "3",
            ["Invoices__StuckAfterSeconds"] = "4",
            ["Invoices__SweepIntervalSeconds"] = "1",
        });
        await selfHost.StartAsync();
        using var client = new HttpClient { BaseAddress = selfHost.BaseAddress };
        var tenantKey = await CreateTenantAsync(client, selfHost.AdminApiKey);

        var invoices = new List<Guid>();
        var interrupted = 0;
        try
        {
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                var calledBefore = Volatile.Read(ref inFlight);
                for (var i = 0; i < perCycle; i++)
                {
                    invoices.Add(await UploadAsync(client, tenantKey));
                }
                await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref inFlight) >= calledBefore + 2), TimeSpan.FromSeconds(30), "OCR attempts are running");
                await selfHost.KillAsync();
                await using (var connection = await _database.DataSource.OpenConnectionAsync())
                {
                    interrupted += await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM invoices WHERE status = 'OCR_PROCESSING'");
                }
                await selfHost.StartAsync();
            }

            await using var db = await _database.DataSource.OpenConnectionAsync();
            await Eventually.TrueAsync(async () => await db.ExecuteScalarAsync<int>(
                    "SELECT count(*) FROM invoices WHERE status IN ('OCR_COMPLETED', 'PENDING_VALIDATION', 'OCR_FAILED')") == invoices.Count,
                TimeSpan.FromSeconds(120), "every invoice reaches a final state after the restart");

            var rows = (await db.QueryAsync<(Guid Id, string Status, int RetryCount)>("SELECT id, status, retry_count FROM invoices")).ToList();
            Assert.Equal(invoices.Order(), rows.Select(r => r.Id).Order());
            // An interrupted attempt counts as one (the sweeper takes it back), so only an invoice killed in three attempts may fail.
            Assert.All(rows, r => Assert.True(r.Status != "OCR_FAILED" || r.RetryCount == 3, $"{r.Id} failed after {r.RetryCount} attempts"));
            // Chained exactly once: one AI-analysis message per completed invoice, however many attempts it took.
            var completed = rows.Where(r => r.Status == "OCR_COMPLETED").Select(r => r.Id).ToList();
            // The AI job is committed just after the result, and the OCR job row goes once its handler returns: wait for both.
            var chained = await Eventually.MatchAsync(async () => (await db.QueryAsync<string>(
                        "SELECT body FROM job_queue WHERE queue = 'ai-analysis' UNION ALL SELECT body FROM job_dead_letters WHERE queue = 'ai-analysis'"))
                    .Select(b => JsonDocument.Parse(b).RootElement.GetProperty("invoiceId").GetGuid()).ToList(),
                c => c.Count >= completed.Count, TimeSpan.FromSeconds(30), "every completed invoice is chained");
            Assert.Equal(completed.Order(), chained.Order());
            await Eventually.TrueAsync(async () => await db.ExecuteScalarAsync<int>("SELECT count(*) FROM job_queue WHERE queue = 'ocr-jobs'") == 0,
                TimeSpan.FromSeconds(30), "the ocr-jobs queue drains");
            Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM job_dead_letters WHERE queue = 'ocr-jobs'"));
            Assert.True(interrupted > 0, "the kill landed while invoices were in OCR_PROCESSING");

            ReliabilityFigures.Record(output, "SIGKILL mid-OCR",
                $"{cycles} kill/restart cycle(s), {invoices.Count} invoices, {interrupted} in OCR_PROCESSING at the kill; after restart: " +
                $"{rows.Count} final ({string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}"))}), " +
                $"lost 0, chained twice 0, retry_count max {rows.Max(r => r.RetryCount)}, Textract calls {textract.TextractCalls("AnalyzeExpense").Count()}");
        }
        catch
        {
            output.WriteLine(selfHost.Log);
            throw;
        }
        finally
        {
            Directory.Delete(blobRoot, recursive: true);
        }
    }

    public static async Task<string> CreateTenantAsync(HttpClient client, string adminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants") { Content = JsonContent.Create(new { name = "Cabinet Kill" }) };
        request.Headers.Add("X-Admin-Key", adminKey);
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("api_key").GetString()!;
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string tenantKey)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.GarbagePng()), "file", "ticket.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = form };
        request.Headers.Add("X-Api-Key", tenantKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("invoiceId").GetGuid();
    }
}
