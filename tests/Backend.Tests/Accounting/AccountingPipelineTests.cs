using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;
using Backend.Tests.Ocr;

namespace Backend.Tests.Accounting;

/// <summary>
/// The whole pipeline on SelfHost — blob drop, OCR (pdftotext), AI analysis, user validation, export — and the
/// accounting parts of PATCH and of the Claude analyzer inside the running host.
/// </summary>
public sealed class AccountingPipelineTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private FakeMessagesApi _claude = null!;
    private InvoiceTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _claude = await FakeMessagesApi.StartAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource, aiAnalysis: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _claude.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_dropped_invoice_goes_all_the_way_to_exported()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var inbox = Directory.CreateDirectory(Path.Combine(_host.BlobRoot, "inbox", tenantId.ToString()));
        await File.WriteAllBytesAsync(Path.Combine(inbox.FullName, "facture-acme.pdf"), TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));

        var id = await Eventually.MatchAsync(
            () => _host.ScalarAsync<Guid?>("SELECT id FROM invoices WHERE tenant_id = @tenantId", new { tenantId }).ContinueWith(t => t.IsFaulted ? null : t.Result),
            found => found is not null, TimeSpan.FromSeconds(30), "the inbox file becomes an invoice");
        var analysed = await _host.WaitForStatusAsync(key, id!.Value, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation);
        Assert.Equal(InvoiceStatus.AiCompleted, analysed.GetProperty("status").GetString());
        // "Ramettes papier", "Cartouches d'encre": office supplies.
        Assert.Equal(["60640000", "44566000", "40100000"],
            analysed.GetProperty("accountingEntries").EnumerateArray().Select(e => e.GetProperty("accountNumber").GetString()));
        Assert.Equal("ACME Fournitures SARL FAC-2024-0042", analysed.GetProperty("accountingEntries")[0].GetProperty("label").GetString());

        using (var validate = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        }
        using var export = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", key, new { from = "2024-01-15", to = "2024-01-15" });
        var body = await export.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(1, body.GetProperty("count").GetInt32());
        var final = await _host.GetInvoiceAsync(key, id.Value);
        Assert.Equal(InvoiceStatus.Exported, final.GetProperty("status").GetString());
        using var sage = await _host.SendAsync(HttpMethod.Get, new Uri(body.GetProperty("sage_url").GetString()!).PathAndQuery, key);
        var sageText = Encoding.Latin1.GetString(await sage.Content.ReadAsByteArrayAsync());
        Assert.Contains("60640000     ACH000001    FAC-2024-0042    ACME Fournitures SARL FAC-2024-0042D       1000,00EUR\r\n", sageText);
    }

    [Fact]
    public async Task Patch_replaces_the_entries_when_they_hold_and_refuses_them_otherwise()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AnalysedInvoiceAsync(tenantId);

        var unbalanced = new
        {
            accountingEntries = new object[]
            {
                new { accountNumber = "6064", label = "Papier", debit = "600.00", credit = "0.00" },
                new { accountNumber = "6068", label = "Encre", debit = "400.00", credit = "0.00" },
                new { accountNumber = "44566", label = "TVA", debit = "200.00", credit = "0.00" },
                new { accountNumber = "401", label = "ACME", debit = "0.00", credit = "1100.00" },
            },
        };
        using (var refused = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, unbalanced))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("VALIDATION_ERROR", error.GetProperty("error").GetString());
            Assert.Contains("déséquilibrée", error.GetProperty("details").GetProperty("accounting_entries").GetString());
        }
        Assert.Equal(InvoiceStatus.AiCompleted, await AccountingRows.StatusAsync(_database.DataSource, id));
        Assert.Equal(["60100000", "44566000", "40100000"], (await AccountingRows.EntriesAsync(_database.DataSource, id)).Select(e => e.Account));

        using (var malformed = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key,
                   new { accountingEntries = new object[] { new { accountNumber = "6064", label = "x", debit = "abc", credit = "0" } } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            var error = await malformed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(error.GetProperty("details").TryGetProperty("accounting_entries[0].debit", out _), error.GetRawText());
        }

        var split = new
        {
            accountingEntries = new object[]
            {
                new { accountNumber = "6064", label = "Papier", debit = "600.00", credit = "0.00" },
                new { accountNumber = "6068", label = "Encre", debit = 400, credit = 0 },
                new { accountNumber = "44566", label = "TVA", debit = "200.00", credit = "0.00" },
                new { accountNumber = "401", label = "ACME", debit = "0.00", credit = "1200.00" },
            },
        };
        using var accepted = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, split);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var invoice = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
        Assert.Equal(InvoiceStatus.Validated, invoice.GetProperty("status").GetString());
        Assert.Equal(["60640000", "60680000", "44566000", "40100000"],
            invoice.GetProperty("accountingEntries").EnumerateArray().Select(e => e.GetProperty("accountNumber").GetString()));
        Assert.Equal("400.00", invoice.GetProperty("accountingEntries")[1].GetProperty("debit").GetString());
        Assert.Equal("user", invoice.GetProperty("analysis").GetProperty("analyzer").GetString());

        // Once validated, the entries are frozen like the invoice.
        using var late = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, split);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task Correcting_the_amounts_rebuilds_entries_that_no_longer_match()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AnalysedInvoiceAsync(tenantId);

        using var patch = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key,
            new { amountHT = "1100.00", amountTVA = "220.00", amountTTC = "1320.00" });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal([("60100000", 1100m, 0m), ("44566000", 220m, 0m), ("40100000", 0m, 1320m)],
            await AccountingRows.EntriesAsync(_database.DataSource, id));
        var invoice = (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
        Assert.Contains("recalculées", invoice.GetProperty("analysis").GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Validating_an_invoice_that_was_never_analysed_books_it_with_the_rules()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.PendingValidation, supplier: "SNCF");

        using var patch = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var invoice = (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
        Assert.Equal(["62510000", "44566000", "40100000"],
            invoice.GetProperty("accountingEntries").EnumerateArray().Select(e => e.GetProperty("accountNumber").GetString()));
        Assert.Contains("à la validation", invoice.GetProperty("analysis").GetProperty("notes").GetString());
    }

    [Fact]
    public async Task With_an_api_key_claude_books_and_a_bad_answer_falls_back_to_the_rules_with_a_note()
    {
        await _host.StopAsync();
        _host.Factory.Settings["Claude:ApiKey"] = "sk-ant-test";
        _host.Factory.Settings["Claude:BaseUrl"] = _claude.BaseUrl;
        _host.Factory.Settings["Claude:MaxRetries"] = "0";
        _host.Start();
        var (tenantId, key) = await _host.CreateTenantAsync();

        _claude.ReplyWithText("""
            {"entries":[
              {"accountNumber":"6226","label":"ACME honoraires","debit":"1000.00","credit":"0.00"},
              {"accountNumber":"44566","label":"TVA","debit":"200.00","credit":"0.00"},
              {"accountNumber":"401","label":"ACME","debit":"0.00","credit":"1200.00"}],
             "notes":"Prestation de conseil."}
            """);
        var good = await AnalysedInvoiceAsync(tenantId, key);
        var goodInvoice = await _host.GetInvoiceAsync(key, good);
        Assert.Equal("claude", goodInvoice.GetProperty("analysis").GetProperty("analyzer").GetString());
        Assert.Equal("Prestation de conseil.", goodInvoice.GetProperty("analysis").GetProperty("notes").GetString());
        Assert.Equal("62260000", goodInvoice.GetProperty("accountingEntries")[0].GetProperty("accountNumber").GetString());

        _claude.ReplyWithText("""{"entries":[{"accountNumber":"6226","label":"ACME","debit":"1000.00","credit":"0.00"}]}""");
        var fallback = await AnalysedInvoiceAsync(tenantId, key);
        var fallbackInvoice = await _host.GetInvoiceAsync(key, fallback);
        Assert.Equal(InvoiceStatus.AiCompleted, fallbackInvoice.GetProperty("status").GetString());
        Assert.Equal("rules", fallbackInvoice.GetProperty("analysis").GetProperty("analyzer").GetString());
        Assert.Contains("Réponse de Claude rejetée", fallbackInvoice.GetProperty("analysis").GetProperty("notes").GetString());
        Assert.Equal("60100000", fallbackInvoice.GetProperty("accountingEntries")[0].GetProperty("accountNumber").GetString());
        Assert.Equal(2, _claude.Requests.Count);
    }

    /// <summary>A seed-like invoice in OCR_COMPLETED, analysed by the queued job (or directly when no key is given).</summary>
    private async Task<Guid> AnalysedInvoiceAsync(Guid tenantId, string? key = null)
    {
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId);
        if (key is null)
        {
            Assert.Equal(AnalysisAttemptStatus.Completed, await _host.Get<AiAnalysisAttempt>().RunAsync(new AnalysisJob(id, tenantId), CancellationToken.None));
            return id;
        }
        await _host.Get<IJobQueue>().EnqueueAsync(QueueNames.AiAnalysis, new AiAnalysisJob(id, tenantId).ToJson());
        await _host.WaitForStatusAsync(key, id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);
        return id;
    }
}
