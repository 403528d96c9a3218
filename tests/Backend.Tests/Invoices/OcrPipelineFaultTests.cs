using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>Bad input and lost work on the real pipeline (local engine): each case ends in a defined state with a readable message.</summary>
public sealed class OcrPipelineFaultTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;
    private Guid _tenant;
    private string _key = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource);
        (_tenant, _key) = await _host.CreateTenantAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("corrupt", "PDF illisible : fichier corrompu ou tronqué.")]
    [InlineData("truncated", "PDF illisible : fichier corrompu ou tronqué.")]
    [InlineData("password", "PDF protégé par mot de passe")]
    [InlineData("blank-image", "Aucun texte lisible dans le document")]
    public async Task Unreadable_documents_end_in_ocr_failed_at_once_with_a_readable_message(string kind, string expected)
    {
        var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
        var content = kind switch
        {
            "corrupt" => [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)0x5A, 4000)],
            "truncated" => pdf[..(pdf.Length / 3)],
            "password" => TestDocuments.PasswordProtectedPdf(),
            _ => TestDocuments.BlankPng(),
        };
        var id = await _host.UploadOkAsync(_key, content);

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.OcrFailed);

        Assert.StartsWith(expected, invoice.GetProperty("errorMessage").GetString());
        // Retrying cannot make such a file readable: one attempt, no backoff ladder.
        Assert.Equal(1, invoice.GetProperty("retryCount").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, invoice.GetProperty("lastRetryAt").ValueKind);
    }

    [Fact]
    public async Task A_document_that_is_not_an_invoice_waits_for_validation_with_the_seed_message()
    {
        var id = await _host.UploadOkAsync(_key, TestDocuments.TextPdf([
            "Compte rendu de la réunion du comité des fêtes",
            "Présents : Marie, Paul et Jeanne. Ordre du jour : kermesse de printemps.",
        ]));

        var invoice = await _host.WaitForStatusAsync(_key, id, InvoiceStatus.PendingValidation, InvoiceStatus.OcrCompleted);

        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());
        Assert.StartsWith(OcrAttempt.LowConfidenceMessage, invoice.GetProperty("errorMessage").GetString());
        Assert.Contains("kermesse", invoice.GetProperty("ocrText").GetString());
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task A_blob_missing_when_the_job_runs_ends_in_ocr_failed()
    {
        var invoice = await InsertAsync(withBlob: false);
        await _host.Get<IJobQueue>().EnqueueAsync(QueueNames.OcrJobs, new OcrJob(invoice.Id, invoice.OcrToken).ToJson());

        var read = await _host.WaitForStatusAsync(_key, invoice.Id, InvoiceStatus.OcrFailed);

        Assert.Equal(OcrAttempt.BlobMissingMessage, read.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Duplicate_deliveries_find_nothing_to_claim_and_change_nothing()
    {
        var invoice = await InsertAsync(withBlob: true);
        var job = new OcrJob(invoice.Id, invoice.OcrToken);
        var attempt = _host.Get<OcrAttempt>();

        // Two deliveries of the same message at the same moment: one wins the claim.
        var results = await Task.WhenAll(attempt.RunAsync(job, default), attempt.RunAsync(job, default));

        Assert.Equal(1, results.Count(r => r.Status == OcrAttemptStatus.Completed));
        Assert.Equal(1, results.Count(r => r.Status == OcrAttemptStatus.NothingToClaim));
        var processedAt = await _host.ScalarAsync<DateTimeOffset>("SELECT processed_at FROM invoices WHERE id = @Id", invoice);

        // A late redelivery through the queue, after completion.
        await _host.Get<IJobQueue>().EnqueueAsync(QueueNames.OcrJobs, job.ToJson());
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.OcrJobs }) == 0);

        var read = await _host.GetInvoiceAsync(_key, invoice.Id);
        Assert.Equal(InvoiceStatus.OcrCompleted, read.GetProperty("status").GetString());
        Assert.Equal(0, read.GetProperty("retryCount").GetInt32());
        Assert.Equal(processedAt, await _host.ScalarAsync<DateTimeOffset>("SELECT processed_at FROM invoices WHERE id = @Id", invoice));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }));
    }

    [Fact]
    public async Task The_sweeper_takes_back_an_invoice_stuck_in_ocr_processing_and_it_completes()
    {
        var invoice = await InsertAsync(withBlob: true);
        var job = new OcrJob(invoice.Id, invoice.OcrToken);
        // A worker claimed it and died.
        Assert.NotNull(await _host.Get<InvoiceStore>().ClaimAsync(job, default));
        var sweeper = _host.Get<StuckInvoiceSweeper>();
        Assert.Equal(new SweepResult(0, 0), await sweeper.SweepAsync(default)); // not stuck yet
        await _host.ExecuteAsync("UPDATE invoices SET ocr_started_at = now() - interval '1 hour' WHERE id = @Id", invoice);

        Assert.Equal(new SweepResult(1, 0), await sweeper.SweepAsync(default));

        var read = await _host.WaitForStatusAsync(_key, invoice.Id, InvoiceStatus.OcrCompleted);
        Assert.Equal(1, read.GetProperty("retryCount").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("lastRetryAt").ValueKind);
        // The dead worker's message, redelivered, is stale.
        Assert.Equal(OcrAttemptStatus.NothingToClaim, (await _host.Get<OcrAttempt>().RunAsync(job, default)).Status);
    }

    [Fact]
    public async Task The_third_stuck_attempt_ends_in_ocr_failed()
    {
        var invoice = await InsertAsync(withBlob: true);
        await _host.ExecuteAsync("UPDATE invoices SET retry_count = 2 WHERE id = @Id", invoice);
        Assert.NotNull(await _host.Get<InvoiceStore>().ClaimAsync(new OcrJob(invoice.Id, invoice.OcrToken), default));
        await _host.ExecuteAsync("UPDATE invoices SET ocr_started_at = now() - interval '1 hour' WHERE id = @Id", invoice);

        await _host.Get<StuckInvoiceSweeper>().SweepAsync(default);

        var read = await _host.GetInvoiceAsync(_key, invoice.Id);
        Assert.Equal(InvoiceStatus.OcrFailed, read.GetProperty("status").GetString());
        Assert.Equal(3, read.GetProperty("retryCount").GetInt32());
        Assert.Contains("3 tentatives", read.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task An_invoice_whose_job_was_lost_is_requeued_by_the_sweeper()
    {
        var invoice = await InsertAsync(withBlob: true); // inserted, never enqueued: the enqueue "failed"
        await _host.ExecuteAsync("UPDATE invoices SET ocr_queued_at = now() - interval '1 hour' WHERE id = @Id", invoice);

        Assert.Equal(new SweepResult(0, 1), await _host.Get<StuckInvoiceSweeper>().SweepAsync(default));

        var read = await _host.WaitForStatusAsync(_key, invoice.Id, InvoiceStatus.OcrCompleted);
        Assert.Equal(0, read.GetProperty("retryCount").GetInt32());
    }

    private async Task<NewInvoice> InsertAsync(bool withBlob)
    {
        var id = Guid.CreateVersion7();
        var invoice = new NewInvoice(id, _tenant, "facture.pdf", $"{_tenant:N}/{id:N}.pdf", "application/pdf", 1000, "upload", Guid.NewGuid());
        if (withBlob)
        {
            using var content = new MemoryStream(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
            await _host.Get<IBlobStore>().PutAsync(ContainerNames.Invoices, invoice.BlobName, content);
        }
        await _host.Get<InvoiceStore>().InsertAsync(invoice, default);
        return invoice;
    }
}
