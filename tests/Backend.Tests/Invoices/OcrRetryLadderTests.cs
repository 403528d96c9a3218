using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Core.Storage;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>The retry ladder, driven by a real transient failure: Textract throttling from the local fake server.</summary>
public sealed class OcrRetryLadderTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
    private readonly TestDatabase _database = new();
    private readonly FakeTextractServer _textract = new();

    public async Task InitializeAsync() => await _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _textract.DisposeAsync();
        await _database.DisposeAsync();
    }

    private InvoiceTestHost Host(int retryBaseDelaySeconds) =>
        InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, settings =>
        {
            settings["Ocr:Engine"] = "textract";
            settings["Textract:Region"] = "eu-west-3";
            settings["Textract:Endpoint"] = _textract.Url;
            settings["Textract:MaxRetries"] = "0";
            settings["Invoices:RetryBaseDelaySeconds"] = retryBaseDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, services => services.AddSingletonCredentials());

    [Fact]
    public async Task Three_failed_attempts_end_in_ocr_failed_with_counts_then_a_manual_retry_succeeds()
    {
        await using var host = Host(retryBaseDelaySeconds: 0);
        var (_, key) = await host.CreateTenantAsync();
        _textract.Respond = _ => Task.FromResult(FakeTextractServer.Error(400, "ThrottlingException", "Rate exceeded"));

        var id = await host.UploadOkAsync(key, Png, "ticket.png");
        var failed = await host.WaitForStatusAsync(key, id, InvoiceStatus.OcrFailed);

        Assert.Equal(3, failed.GetProperty("retryCount").GetInt32());
        Assert.Equal("Textract saturé (limitation de débit) : nouvel essai plus tard. (échec après 3 tentatives)", failed.GetProperty("errorMessage").GetString());
        Assert.NotEqual(JsonValueKind.Null, failed.GetProperty("lastRetryAt").ValueKind);
        Assert.Equal(3, _textract.TextractCalls("AnalyzeExpense").Count());

        _textract.Respond = _ => Task.FromResult((200, FakeTextractServer.Fixture("test_analyze_expense_from_image.json")));
        using (var retry = await host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", key))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, retry.StatusCode);
        }
        var done = await host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);
        Assert.Equal(0, done.GetProperty("retryCount").GetInt32());
        Assert.Equal("textract", done.GetProperty("ocrEngine").GetString());
        Assert.Contains("MEGA MARKET", done.GetProperty("ocrText").GetString());
    }

    [Fact]
    public async Task A_redelivered_message_after_a_recorded_failure_does_not_count_twice()
    {
        // A long backoff keeps the scheduled retry out of the way.
        await using var host = Host(retryBaseDelaySeconds: 3600);
        var (tenant, key) = await host.CreateTenantAsync();
        _textract.Respond = _ => Task.FromResult(FakeTextractServer.Error(503, "ServiceUnavailableException"));
        var id = Guid.CreateVersion7();
        var invoice = new NewInvoice(id, tenant, "ticket.png", $"{tenant:N}/{id:N}.png", "image/png", Png.Length, "upload", Guid.NewGuid());
        using (var content = new MemoryStream(Png))
        {
            await host.Get<IBlobStore>().PutAsync(ContainerNames.Invoices, invoice.BlobName, content);
        }
        await host.Get<InvoiceStore>().InsertAsync(invoice, default);
        var job = new OcrJob(id, invoice.OcrToken);
        var attempt = host.Get<OcrAttempt>();

        var first = await attempt.RunAsync(job, default);
        var replay = await attempt.RunAsync(job, default); // the platform redelivers the same message

        Assert.Equal(OcrAttemptStatus.RetryScheduled, first.Status);
        Assert.Equal(OcrAttemptStatus.NothingToClaim, replay.Status);
        var read = await host.GetInvoiceAsync(key, id);
        Assert.Equal(InvoiceStatus.Uploaded, read.GetProperty("status").GetString());
        Assert.Equal(1, read.GetProperty("retryCount").GetInt32());
        Assert.Equal("Textract indisponible : nouvel essai plus tard.", read.GetProperty("errorMessage").GetString());
        Assert.Single(_textract.TextractCalls("AnalyzeExpense"));
        // The next attempt is scheduled an hour out (first backoff step).
        var visibleIn = await host.ScalarAsync<double>("SELECT extract(epoch FROM max(visible_at) - now()) FROM job_queue WHERE queue = 'ocr-jobs'");
        Assert.InRange(visibleIn, 3000, 3700);
    }
}
