using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Accounting;

/// <summary>The AI-analysis job on SelfHost: claim, entries, failures, the three-attempt ladder, duplicate deliveries.</summary>
public sealed class AiAnalysisTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FailingAnalyzer _failing = new();
    private InvoiceTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, aiAnalysis: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class FailingAnalyzer : IInvoiceAnalyzer
    {
        private int _calls;

        public int Calls => _calls;

        public Task<AccountingProposal> AnalyzeAsync(InvoiceToAnalyze invoice, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("analyzer bug");
        }
    }

    private Task EnqueueAsync(Guid invoiceId, Guid tenantId) =>
        _host.Get<IJobQueue>().EnqueueAsync(QueueNames.AiAnalysis, new AiAnalysisJob(invoiceId, tenantId).ToJson());

    [Fact]
    public async Task The_chained_job_books_the_seed_entry_and_get_returns_it_in_the_seed_shape()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);

        await EnqueueAsync(id, tenantId);
        var invoice = await _host.WaitForStatusAsync(key, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);

        Assert.Equal(InvoiceStatus.AiCompleted, invoice.GetProperty("status").GetString());
        var entries = invoice.GetProperty("accountingEntries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        string[][] expected =
        [
            ["ACH", "2024-01-15T00:00:00.000Z", "60100000", "ACME Corp FAC-2024-001", "1000.00", "0.00"],
            ["ACH", "2024-01-15T00:00:00.000Z", "44566000", "ACME Corp FAC-2024-001", "200.00", "0.00"],
            ["ACH", "2024-01-15T00:00:00.000Z", "40100000", "ACME Corp FAC-2024-001", "0.00", "1200.00"],
        ];
        for (var i = 0; i < 3; i++)
        {
            var e = entries[i];
            Assert.Equal(expected[i], new[] { "journalCode", "entryDate", "accountNumber", "label", "debit", "credit" }.Select(p => e.GetProperty(p).GetString()!));
            Assert.True(Guid.TryParse(e.GetProperty("id").GetString(), out _));
        }
        var analysis = invoice.GetProperty("analysis");
        Assert.Equal("rules", analysis.GetProperty("analyzer").GetString());
        Assert.Contains("601", analysis.GetProperty("notes").GetString());
        Assert.Equal(1, analysis.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Duplicate_and_concurrent_deliveries_analyse_once()
    {
        var (tenantId, _) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);
        var attempt = _host.Get<AiAnalysisAttempt>();
        var job = new AnalysisJob(id, tenantId);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => attempt.RunAsync(job, CancellationToken.None)));
        var again = await attempt.RunAsync(job, CancellationToken.None);

        Assert.Single(results, r => r == AnalysisAttemptStatus.Completed);
        Assert.All(results.Where(r => r != AnalysisAttemptStatus.Completed), r => Assert.Contains(r, new[] { AnalysisAttemptStatus.NothingToClaim, AnalysisAttemptStatus.Busy }));
        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, again);
        Assert.Equal(3, (await AccountingRows.EntriesAsync(_database.DataSource, id)).Count);
        Assert.Equal(1, await _host.ScalarAsync<int>("SELECT attempts FROM invoice_analyses WHERE invoice_id = @id", new { id }));
    }

    [Fact]
    public async Task A_redelivery_while_the_claim_is_fresh_waits_and_takes_over_once_it_is_stuck()
    {
        var (tenantId, _) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.AiProcessing);
        await _host.ExecuteAsync("INSERT INTO invoice_analyses (invoice_id, tenant_id, attempts, started_at) VALUES (@id, @tenantId, 1, now())", new { id, tenantId });
        var attempt = _host.Get<AiAnalysisAttempt>();

        // The first delivery may still be running: nothing is done now, a copy is queued for after the stuck deadline.
        Assert.Equal(AnalysisAttemptStatus.Busy, await attempt.RunAsync(new AnalysisJob(id, tenantId), CancellationToken.None));
        Assert.Equal(InvoiceStatus.AiProcessing, await AccountingRows.StatusAsync(_database.DataSource, id));
        Assert.True(await _host.ScalarAsync<bool>(
            "SELECT visible_at > now() + interval '10 minutes' FROM job_queue WHERE queue = @q AND body LIKE @like",
            new { q = QueueNames.AiAnalysis, like = $"%{id}%" }));

        // Past the deadline the worker counts as dead: the job takes the invoice back as its second attempt.
        await _host.ExecuteAsync("UPDATE invoices SET updated_at = now() - interval '1 hour' WHERE id = @id", new { id });
        Assert.Equal(AnalysisAttemptStatus.Completed, await attempt.RunAsync(new AnalysisJob(id, tenantId), CancellationToken.None));
        Assert.Equal(InvoiceStatus.AiCompleted, await AccountingRows.StatusAsync(_database.DataSource, id));
        Assert.Equal(2, await _host.ScalarAsync<int>("SELECT attempts FROM invoice_analyses WHERE invoice_id = @id", new { id }));
    }

    [Fact]
    public async Task Invoices_not_in_ocr_completed_are_left_alone()
    {
        var (tenantId, _) = await _host.CreateTenantAsync();
        var (otherTenant, _) = await _host.CreateTenantAsync("Autre cabinet");
        var attempt = _host.Get<AiAnalysisAttempt>();
        var pending = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.PendingValidation);
        var validated = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.Validated);
        var ready = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);

        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, await attempt.RunAsync(new AnalysisJob(pending, tenantId), CancellationToken.None));
        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, await attempt.RunAsync(new AnalysisJob(validated, tenantId), CancellationToken.None));
        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, await attempt.RunAsync(new AnalysisJob(ready, otherTenant), CancellationToken.None));
        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, await attempt.RunAsync(new AnalysisJob(ready, tenantId, Guid.NewGuid()), CancellationToken.None));

        Assert.Equal(InvoiceStatus.PendingValidation, await AccountingRows.StatusAsync(_database.DataSource, pending));
        Assert.Equal(InvoiceStatus.Validated, await AccountingRows.StatusAsync(_database.DataSource, validated));
        Assert.Equal(InvoiceStatus.OcrCompleted, await AccountingRows.StatusAsync(_database.DataSource, ready));
    }

    [Fact]
    public async Task An_invoice_that_cannot_be_booked_fails_at_once_with_a_readable_message()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, ttc: 1300m);

        await EnqueueAsync(id, tenantId);
        var invoice = await _host.WaitForStatusAsync(key, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);

        Assert.Equal(InvoiceStatus.AiFailed, invoice.GetProperty("status").GetString());
        Assert.Contains("HT + TVA ≠ TTC", invoice.GetProperty("errorMessage").GetString());
        Assert.Empty(invoice.GetProperty("accountingEntries").EnumerateArray());
        // The message is completed and no retry is queued.
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }) == 0,
            because: "the job is completed without a retry");
        Assert.Equal(1, await _host.ScalarAsync<int>("SELECT attempts FROM invoice_analyses WHERE invoice_id = @id", new { id }));
    }

    [Fact]
    public async Task Unexpected_failures_climb_the_three_attempt_ladder_then_stop()
    {
        await _host.StopAsync();
        _host.Start(s => s.AddSingleton<IInvoiceAnalyzer>(_failing));
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);

        await EnqueueAsync(id, tenantId);
        var invoice = await Eventually.MatchAsync(() => _host.GetInvoiceAsync(key, id),
            i => i.GetProperty("errorMessage").GetString()?.Contains("après 3 tentatives") == true,
            TimeSpan.FromSeconds(60), "the third attempt gives up");

        Assert.Equal(InvoiceStatus.AiFailed, invoice.GetProperty("status").GetString());
        Assert.Equal(3, _failing.Calls);
        Assert.Equal(3, invoice.GetProperty("analysis").GetProperty("attempts").GetInt32());
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q", new { q = QueueNames.AiAnalysis }) == 0,
            because: "no retry is left queued");

        // A late duplicate of the original message finds a finally failed invoice and does nothing.
        Assert.Equal(AnalysisAttemptStatus.NothingToClaim, await _host.Get<AiAnalysisAttempt>().RunAsync(new AnalysisJob(id, tenantId), CancellationToken.None));
        Assert.Equal(3, _failing.Calls);
    }

    [Fact]
    public async Task A_tenant_supplier_account_is_used_by_the_next_analysis()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        using (var put = await _host.SendAsync(HttpMethod.Put, "/api/accounting/supplier-accounts", key,
                   new { supplierName = "  acme CORP ", expenseAccount = "6068", supplierAccount = "4010042" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        using (var bad = await _host.SendAsync(HttpMethod.Put, "/api/accounting/supplier-accounts", key, new { supplierName = "X", expenseAccount = "512" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var error = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(error.GetProperty("details").TryGetProperty("expense_account", out _));
        }
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);

        await EnqueueAsync(id, tenantId);
        await _host.WaitForStatusAsync(key, id, InvoiceStatus.AiCompleted);

        Assert.Equal(["60680000", "44566000", "40100420"], (await AccountingRows.EntriesAsync(_database.DataSource, id)).Select(e => e.Account));
    }
}
