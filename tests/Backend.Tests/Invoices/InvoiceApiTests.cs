using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>The invoice API end to end on SelfHost: real PostgreSQL, blobs on disk, pdftotext, the PostgreSQL queue.</summary>
public sealed class InvoiceApiTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private InvoiceTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Upload_queues_ocr_and_the_invoice_completes_with_fields_and_decrypted_text()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);

        using var upload = await _host.UploadAsync(key, pdf, "janvier/facture ACME.pdf");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var created = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("UPLOADED", created.GetProperty("status").GetString());
        Assert.Equal("application/pdf", created.GetProperty("mediaType").GetString());
        var id = created.GetProperty("invoiceId").GetGuid();

        var invoice = await _host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);

        Assert.Equal(InvoiceStatus.OcrCompleted, invoice.GetProperty("status").GetString());
        Assert.Equal("facture ACME.pdf", invoice.GetProperty("fileName").GetString());
        Assert.Equal("FAC-2024-0042", invoice.GetProperty("invoiceNumber").GetString());
        Assert.Equal("1000.00", invoice.GetProperty("amountHT").GetString());
        Assert.Equal("200.00", invoice.GetProperty("amountTVA").GetString());
        Assert.Equal("1200.00", invoice.GetProperty("amountTTC").GetString());
        Assert.Equal("20.00", invoice.GetProperty("tvaRate").GetString());
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        Assert.Equal("FR44732829320", invoice.GetProperty("supplierVAT").GetString());
        Assert.Equal("2024-01-15T00:00:00.000Z", invoice.GetProperty("invoiceDate").GetString());
        Assert.Equal("2024-02-15T00:00:00.000Z", invoice.GetProperty("dueDate").GetString());
        Assert.InRange(invoice.GetProperty("ocrConfidence").GetDouble(), 0.70, 1.0);
        Assert.Contains("Date d'échéance : 15 février 2024", invoice.GetProperty("ocrText").GetString());
        Assert.Equal(JsonValueKind.Array, invoice.GetProperty("accountingEntries").ValueKind);
        Assert.Equal(0, invoice.GetProperty("retryCount").GetInt32());
        Assert.False(invoice.TryGetProperty("ocrRawData", out _));
        Assert.DoesNotContain("tsv", invoice.GetRawText());
        // Where pdftotext read the total: page 1, on the "Total TTC" row (line 16 of 842 pt, baseline 272 pt from the top).
        var ttc = invoice.GetProperty("fieldPositions").GetProperty("amountTTC");
        Assert.Equal(1, ttc.GetProperty("page").GetInt32());
        Assert.InRange(ttc.GetProperty("top").GetDouble(), (272 - 14) / 842.0, 272 / 842.0);
        Assert.InRange(ttc.GetProperty("width").GetDouble(), 0.02, 0.15);

        // At rest: ciphertext only; the AI-analysis job was chained once.
        var stored = await _host.ScalarAsync<byte[]>("SELECT ocr_text FROM invoices WHERE id = @id", new { id });
        var storedRaw = await _host.ScalarAsync<byte[]>("SELECT ocr_raw_data FROM invoices WHERE id = @id", new { id });
        Assert.DoesNotContain("FAC-2024-0042", Encoding.Latin1.GetString(stored));
        Assert.DoesNotContain("FAC-2024-0042", Encoding.Latin1.GetString(storedRaw));
        Assert.DoesNotContain("FAC-2024-0042", Encoding.UTF8.GetString(stored));
        // The job is sent right after the status is stored.
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM job_queue WHERE queue = @q AND body LIKE @like",
            new { q = QueueNames.AiAnalysis, like = $"%{id}%" }) == 1, because: "one AI-analysis job is chained");
    }

    [Fact]
    public async Task The_seed_upload_alias_works_and_bad_uploads_are_refused_with_the_envelope()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var pdf = TestDocuments.TextPdf(["Facture"]);

        using (var alias = await _host.UploadAsync(key, pdf, path: "/api/upload"))
        {
            Assert.Equal(HttpStatusCode.Created, alias.StatusCode);
        }
        await AssertError(await _host.UploadAsync(key, "PK\u0003\u0004 not a pdf"u8.ToArray(), "facture.pdf"), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "file");
        await AssertError(await _host.UploadAsync(key, [], "vide.pdf"), HttpStatusCode.BadRequest, "INVALID_REQUEST", "file");
        await AssertError(await _host.UploadAsync(key, pdf, field: "document"), HttpStatusCode.BadRequest, "INVALID_REQUEST", "file");
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.4"u8.CopyTo(big);
        await AssertError(await _host.UploadAsync(key, big), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "file");
        await AssertError(await _host.SendAsync(HttpMethod.Post, "/api/invoices", key, new { file = "x" }), HttpStatusCode.BadRequest, "INVALID_REQUEST", "file");

        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Tenants_need_the_admin_key_and_invoices_need_a_valid_api_key()
    {
        using (var noAdmin = await _host.SendAsync(HttpMethod.Post, "/api/v1/admin/tenants", null, new { name = "x" }))
        {
            await AssertError(noAdmin, HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/tenants") { Content = JsonContent.Create(new { nom = "x" }) })
        {
            request.Headers.Add("X-Api-Key", _host.Factory.AdminApiKey);
            await AssertError(await _host.Client.SendAsync(request), HttpStatusCode.BadRequest, "INVALID_REQUEST", "nom");
        }
        var (_, key) = await _host.CreateTenantAsync();
        Assert.StartsWith("efk_", key);
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT count(*) FROM tenant_api_keys WHERE key_prefix = @key", new { key }));

        await AssertError(await _host.UploadAsync(null, TestDocuments.TextPdf(["x"])), HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
        await AssertError(await _host.UploadAsync("efk_wrong", TestDocuments.TextPdf(["x"])), HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
        await AssertError(await _host.SendAsync(HttpMethod.Get, "/api/invoices", key + "x"), HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
    }

    [Fact]
    public async Task Admins_list_the_firms_by_name_and_no_one_else_does()
    {
        var (zId, zKey) = await _host.CreateTenantAsync("Cabinet Zola");
        var (aId, _) = await _host.CreateTenantAsync("Cabinet Arnaud");

        await AssertError(await _host.SendAsync(HttpMethod.Get, "/api/v1/admin/tenants", null), HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
        using (var asTenant = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/tenants"))
        {
            // A firm's own API key is not an admin credential.
            asTenant.Headers.Add("X-Api-Key", zKey);
            await AssertError(await _host.Client.SendAsync(asTenant), HttpStatusCode.Unauthorized, "UNAUTHORIZED", null);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/tenants");
        request.Headers.Add("X-Api-Key", _host.Factory.AdminApiKey);
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tenants = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenants").EnumerateArray().ToList();
        Assert.Equal(["Cabinet Arnaud", "Cabinet Zola"], tenants.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([aId, zId], tenants.Select(t => t.GetProperty("tenant_id").GetGuid()));
        Assert.All(tenants, t => Assert.True(t.GetProperty("created_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.All(tenants, t => Assert.False(t.TryGetProperty("api_key", out _)));
    }

    [Fact]
    public async Task Another_tenants_invoice_is_not_found_and_lists_are_per_tenant()
    {
        var (_, keyA) = await _host.CreateTenantAsync("A");
        var (_, keyB) = await _host.CreateTenantAsync("B");
        var id = await _host.UploadOkAsync(keyA, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        await _host.WaitForStatusAsync(keyA, id, InvoiceStatus.OcrCompleted);

        await AssertError(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{id}", keyB), HttpStatusCode.NotFound, "NOT_FOUND", null);
        await AssertError(await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", keyB), HttpStatusCode.NotFound, "NOT_FOUND", null);
        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", keyB, new { invoiceNumber = "X" }), HttpStatusCode.NotFound, "NOT_FOUND", null);
        using var listB = await _host.SendAsync(HttpMethod.Get, "/api/invoices", keyB);
        Assert.Equal(0, (await listB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64());
        Assert.Equal(InvoiceStatus.OcrCompleted, (await _host.GetInvoiceAsync(keyA, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_filters_by_status_and_pages()
    {
        var (tenant, key) = await _host.CreateTenantAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _host.UploadOkAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines)));
        }
        foreach (var id in ids)
        {
            await _host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted);
        }
        await _host.ExecuteAsync("UPDATE invoices SET status = 'OCR_FAILED' WHERE id = @id", new { id = ids[0] });

        var page1 = await ListAsync(key, "?status=OCR_COMPLETED&page=1&pageSize=1");
        var page2 = await ListAsync(key, "?status=OCR_COMPLETED&page=2&pageSize=1");
        var failed = await ListAsync(key, "?status=OCR_FAILED");

        Assert.Equal(2, page1.GetProperty("total").GetInt64());
        var onPages = page1.GetProperty("invoices").EnumerateArray().Concat(page2.GetProperty("invoices").EnumerateArray())
            .Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(ids.Skip(1).ToHashSet(), onPages);
        Assert.Equal(ids[0], failed.GetProperty("invoices")[0].GetProperty("id").GetGuid());
        await AssertError(await _host.SendAsync(HttpMethod.Get, "/api/invoices?status=DONE", key), HttpStatusCode.BadRequest, "INVALID_REQUEST", "status");
        await AssertError(await _host.SendAsync(HttpMethod.Get, "/api/invoices?page=0", key), HttpStatusCode.BadRequest, "INVALID_REQUEST", "page");
        Assert.NotEqual(Guid.Empty, tenant);
    }

    [Fact]
    public async Task Retry_is_refused_while_processing_or_validated_and_otherwise_reruns_ocr()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var id = await _host.UploadOkAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        await _host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted);

        await _host.ExecuteAsync("UPDATE invoices SET status = 'OCR_PROCESSING' WHERE id = @id", new { id });
        var processing = await AssertError(await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", key), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "status");
        Assert.Equal("OCR déjà en cours", processing.GetProperty("message").GetString());

        await _host.ExecuteAsync("UPDATE invoices SET status = 'OCR_FAILED', retry_count = 3, error_message = 'x' WHERE id = @id", new { id });
        using (var retry = await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", key))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            var body = await retry.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("OCR relancé", body.GetProperty("message").GetString());
        }
        var rerun = await _host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted);
        Assert.Equal(0, rerun.GetProperty("retryCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, rerun.GetProperty("errorMessage").ValueKind);

        await _host.ExecuteAsync("UPDATE invoices SET status = 'EXPORTED' WHERE id = @id", new { id });
        var exported = await AssertError(await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", key), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "status");
        Assert.Equal("Facture déjà traitée, impossible de relancer OCR", exported.GetProperty("message").GetString());
        await AssertError(await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{Guid.NewGuid()}/retry", key), HttpStatusCode.NotFound, "NOT_FOUND", null);
    }

    [Fact]
    public async Task Patch_corrects_fields_validates_and_refuses_inconsistent_or_unknown_input()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var id = await _host.UploadOkAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        await _host.WaitForStatusAsync(key, id, InvoiceStatus.OcrCompleted);

        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { montant = 1 }), HttpStatusCode.BadRequest, "INVALID_REQUEST", "montant");
        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { invoiceDate = "15/01/2024" }), HttpStatusCode.BadRequest, "INVALID_REQUEST", "invoice_date");
        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, "{not json"), HttpStatusCode.BadRequest, "INVALID_REQUEST", "body");
        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { amountTTC = "1300.00" }), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "amount_ttc");

        using var patch = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key,
            new { supplierName = "ACME Fournitures", amountHT = 1100, amountTVA = "220.00", amountTTC = "1320.00", dueDate = "2024-03-01" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var invoice = (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");
        Assert.Equal(InvoiceStatus.Validated, invoice.GetProperty("status").GetString());
        Assert.Equal("ACME Fournitures", invoice.GetProperty("supplierName").GetString());
        Assert.Equal("1320.00", invoice.GetProperty("amountTTC").GetString());
        Assert.Equal("2024-03-01T00:00:00.000Z", invoice.GetProperty("dueDate").GetString());
        Assert.Equal("FAC-2024-0042", invoice.GetProperty("invoiceNumber").GetString());
        Assert.Equal(1.0, invoice.GetProperty("fieldConfidences").GetProperty("amountTTC").GetDouble());

        await AssertError(await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { invoiceNumber = "X" }), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "status");
    }

    [Fact]
    public async Task A_decryption_failure_is_reported_on_read_without_failing_the_request()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var first = await _host.UploadOkAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));
        var second = await _host.UploadOkAsync(key, TestDocuments.TextPdf(["Autre document"]));
        await _host.WaitForStatusAsync(key, first, InvoiceStatus.OcrCompleted);
        await _host.WaitForStatusAsync(key, second, InvoiceStatus.PendingValidation, InvoiceStatus.OcrCompleted);

        // Ciphertext moved to another row does not open there (the row id is authenticated).
        await _host.ExecuteAsync("UPDATE invoices SET ocr_text = (SELECT ocr_text FROM invoices WHERE id = @first) WHERE id = @second", new { first, second });
        var invoice = await _host.GetInvoiceAsync(key, second);

        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("ocrText").ValueKind);
        Assert.Contains("Déchiffrement impossible", invoice.GetProperty("ocrTextError").GetString());
    }

    private async Task<JsonElement> ListAsync(string key, string query)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/invoices" + query, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AssertError(HttpResponseMessage response, HttpStatusCode status, string code, string? detailsField)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
            var body = JsonDocument.Parse(text).RootElement.Clone();
            Assert.False(body.GetProperty("success").GetBoolean());
            Assert.Equal(code, body.GetProperty("error").GetString());
            Assert.True(body.TryGetProperty("request_id", out _));
            if (detailsField is not null)
            {
                Assert.True(body.GetProperty("details").TryGetProperty(detailsField, out _), text);
            }
            return body;
        }
    }
}
