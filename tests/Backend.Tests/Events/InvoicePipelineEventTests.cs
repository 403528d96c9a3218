using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Events;
using Backend.Core.Invoices;
using Backend.Core.Webhooks;
using Backend.Tests.Infrastructure;
using Backend.Tests.Licensing;
using Backend.Tests.Ocr;
using Backend.Tests.Reliability;

namespace Backend.Tests.Events;

/// <summary>
/// The invoice events as the real pipeline causes them, end to end: a tenant registers an endpoint with
/// <c>POST /api/webhooks</c>, uploads a file, OCR (pdftotext, Tesseract) reads it or fails, the tenant validates and
/// exports; each event reaches the tenant's receiver once, signed, with the documented payload.
/// </summary>
public sealed class InvoicePipelineEventTests(InvoicePipelineEventsHost host) : IClassFixture<InvoicePipelineEventsHost>
{
    [Fact]
    public async Task A_read_invoice_sends_ocr_completed_once_with_its_fields()
    {
        await using var tenant = await TenantAsync("Cabinet Lecture");
        var id = await tenant.UploadAsync(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "acme-janvier.pdf");
        // The chained analysis must be over too: nothing it does may send a second event.
        await tenant.WaitForStatusAsync(id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);

        var data = await tenant.SingleEventAsync(EventTypes.InvoiceOcrCompleted, id);
        Assert.Equal(tenant.TenantId, data.GetProperty("tenant_id").GetGuid());
        Assert.Equal(InvoiceStatus.OcrCompleted, data.GetProperty("status").GetString());
        Assert.Equal("acme-janvier.pdf", data.GetProperty("file_name").GetString());
        Assert.Equal("ACME Fournitures SARL", data.GetProperty("supplier_name").GetString());
        Assert.Equal("FAC-2024-0042", data.GetProperty("invoice_number").GetString());
        Assert.Equal(1200.00m, data.GetProperty("amount_ttc").GetDecimal());
        Assert.Equal("EUR", data.GetProperty("currency").GetString());
        Assert.Null(Optional(data, "error_message"));
        Assert.Equal([EventTypes.InvoiceOcrCompleted], tenant.Types());
    }

    [Fact]
    public async Task A_scan_read_by_tesseract_sends_ocr_completed_once_with_the_amount_it_read()
    {
        await using var tenant = await TenantAsync("Cabinet Scan");
        var id = await tenant.UploadAsync(TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines)), "scan-janvier.png");
        var invoice = await tenant.WaitForStatusAsync(id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed, InvoiceStatus.PendingValidation, InvoiceStatus.OcrFailed);
        Assert.Equal("tesseract", invoice.GetProperty("ocrEngine").GetString());
        Assert.NotEqual(InvoiceStatus.OcrFailed, invoice.GetProperty("status").GetString());

        var data = await tenant.SingleEventAsync(EventTypes.InvoiceOcrCompleted, id);
        Assert.Equal(InvoiceStatus.OcrCompleted, data.GetProperty("status").GetString());
        Assert.Equal("FAC-2024-0042", data.GetProperty("invoice_number").GetString());
        Assert.Equal(1200.00m, data.GetProperty("amount_ttc").GetDecimal());
        Assert.Equal([EventTypes.InvoiceOcrCompleted], tenant.Types());
    }

    [Fact]
    public async Task An_invoice_with_a_doubtful_key_field_sends_needs_review_once_and_not_ocr_completed()
    {
        await using var tenant = await TenantAsync("Cabinet Revue");
        var id = await tenant.UploadAsync(TestDocuments.TextPdf(TestDocuments.NamelessInvoiceLines), "nougats-mars.pdf");
        var invoice = await tenant.WaitForStatusAsync(id, InvoiceStatus.PendingValidation, InvoiceStatus.OcrCompleted, InvoiceStatus.OcrFailed);
        Assert.Equal(InvoiceStatus.PendingValidation, invoice.GetProperty("status").GetString());

        var data = await tenant.SingleEventAsync(EventTypes.InvoiceNeedsReview, id);
        Assert.Equal(InvoiceStatus.PendingValidation, data.GetProperty("status").GetString());
        Assert.Equal("FA-2025-117", data.GetProperty("invoice_number").GetString());
        Assert.Equal(474.75m, data.GetProperty("amount_ttc").GetDecimal());
        Assert.Null(Optional(data, "supplier_name"));
        // The reason a person must look is the invoice's message, the same in the event as in the API.
        var reason = Optional(data, "error_message");
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Equal(invoice.GetProperty("errorMessage").GetString(), reason);
        Assert.Equal([EventTypes.InvoiceNeedsReview], tenant.Types());
    }

    [Fact]
    public async Task An_unreadable_file_sends_ocr_failed_once_after_its_last_attempt()
    {
        await using var tenant = await TenantAsync("Cabinet Échec");
        var id = await tenant.UploadAsync(TestFiles.GarbagePng(), "illisible.png");
        var invoice = await tenant.WaitForStatusAsync(id, InvoiceStatus.OcrFailed, InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation);
        Assert.Equal(InvoiceStatus.OcrFailed, invoice.GetProperty("status").GetString());

        var data = await tenant.SingleEventAsync(EventTypes.InvoiceOcrFailed, id);
        Assert.Equal(InvoiceStatus.OcrFailed, data.GetProperty("status").GetString());
        Assert.Equal("illisible.png", data.GetProperty("file_name").GetString());
        var message = Optional(data, "error_message");
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(invoice.GetProperty("errorMessage").GetString(), message);
        // Earlier failed attempts (back to UPLOADED for a retry) send nothing: only the end of the road is an event.
        Assert.Equal([EventTypes.InvoiceOcrFailed], tenant.Types());
    }

    [Fact]
    public async Task Validating_and_exporting_send_validated_then_export_completed_once_with_the_batch()
    {
        await using var tenant = await TenantAsync("Cabinet Export");
        var id = await tenant.UploadAsync(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "acme-export.pdf");
        await tenant.WaitForStatusAsync(id, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed);
        using (var validate = await tenant.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        }
        using var export = await tenant.SendAsync(HttpMethod.Post, "/api/sage/export", new { from = "2024-01-15", to = "2024-01-15" });
        var answer = await Json.ReadAsync(export);
        Assert.True(export.StatusCode == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(1, answer.GetProperty("count").GetInt32());
        // The same period again exports nothing twice: an empty batch of its own (listed, with empty files), and so
        // an event of its own saying 0 invoices, never a second announcement of the first batch.
        using var again = await tenant.SendAsync(HttpMethod.Post, "/api/sage/export", new { from = "2024-01-15", to = "2024-01-15" });
        var empty = await Json.ReadAsync(again);
        Assert.Equal(0, empty.GetProperty("count").GetInt32());

        var validated = await tenant.SingleEventAsync(EventTypes.InvoiceValidated, id);
        Assert.Equal(InvoiceStatus.Validated, validated.GetProperty("status").GetString());
        Assert.Equal("FAC-2024-0042", validated.GetProperty("invoice_number").GetString());
        var exports = tenant.Data(EventTypes.ExportCompleted);
        // Different subjects (the invoice, each batch): no order between them, only within each.
        Assert.Equal(
            new[] { (answer.GetProperty("batch_id").GetGuid(), 1), (empty.GetProperty("batch_id").GetGuid(), 0) }.Order(),
            exports.Select(e => (e.GetProperty("batch_id").GetGuid(), e.GetProperty("invoice_count").GetInt32())).Order());
        Assert.All(exports, e => Assert.Equal(tenant.TenantId, e.GetProperty("tenant_id").GetGuid()));
        Assert.Equal(new[] { EventTypes.InvoiceOcrCompleted, EventTypes.InvoiceValidated, EventTypes.ExportCompleted, EventTypes.ExportCompleted }.Order(), tenant.Types().Order());
        // One invoice is one subject: its events arrive in the order they happened.
        Assert.Equal([EventTypes.InvoiceOcrCompleted, EventTypes.InvoiceValidated], tenant.Types().Where(t => t.StartsWith("invoice.", StringComparison.Ordinal)));
    }

    /// <summary>A member the payload leaves out when it is null.</summary>
    private static string? Optional(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private async Task<PipelineTenant> TenantAsync(string name)
    {
        var body = await Json.ReadAsync(await host.AdminAsync(HttpMethod.Post, "/api/v1/admin/tenants", new { name }));
        var tenant = new PipelineTenant(host, body.GetProperty("tenant_id").GetGuid(), body.GetProperty("api_key").GetString()!);
        await tenant.Receiver.StartAsync();
        using var registered = await tenant.SendAsync(HttpMethod.Post, "/api/" + TenantWebhookRoutes.Tenant,
            new { url = tenant.Receiver.Url, events = EventTypes.Tenant.ToArray(), description = "Logiciel comptable" });
        var answer = await Json.ReadAsync(registered);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, answer.ToString());
        tenant.Secret = answer.GetProperty("secret").GetString()!;
        return tenant;
    }

    /// <summary>One tenant of a test, its API key and its own receiver (other tests' tenants never reach it).</summary>
    private sealed class PipelineTenant(InvoicePipelineEventsHost host, Guid tenantId, string apiKey) : IAsyncDisposable
    {
        public Guid TenantId { get; } = tenantId;

        public WebhookReceiver Receiver { get; } = new();

        public string Secret { get; set; } = "";

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", apiKey);
            return await host.Client.SendAsync(request);
        }

        public async Task<Guid> UploadAsync(byte[] content, string fileName)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = new MultipartFormDataContent { { file, "file", fileName } } };
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await host.Client.SendAsync(request);
            var body = await Json.ReadAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
            return body.GetProperty("invoiceId").GetGuid();
        }

        public Task<JsonElement> WaitForStatusAsync(Guid id, params string[] statuses) =>
            Eventually.MatchAsync(async () =>
            {
                using var response = await SendAsync(HttpMethod.Get, $"/api/invoices/{id}");
                return (await Json.ReadAsync(response)).GetProperty("invoice");
            }, invoice => statuses.Contains(invoice.GetProperty("status").GetString()), TimeSpan.FromSeconds(60), $"invoice {id} reaches {string.Join("|", statuses)}");

        /// <summary>
        /// Delivers what is due (twice: a second round must find nothing more), then the one webhook of
        /// <paramref name="type"/> this tenant received, checked against its secret by the receiver's own reading of
        /// the specification; its <c>data</c>.
        /// </summary>
        public async Task<JsonElement> SingleEventAsync(string type, Guid subject)
        {
            await host.Dispatcher.DrainAsync(CancellationToken.None);
            Assert.Equal(0, await host.Dispatcher.DrainAsync(CancellationToken.None));
            var all = Receiver.Received.ToList();
            Assert.All(all, r => Assert.True(r.IsSignedWith(Secret), $"{r.Id}: {r.Signature}"));
            Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
            var webhook = Assert.Single(all, r => EventsHost.Payload(r).GetProperty("type").GetString() == type);
            Assert.StartsWith("evt_", webhook.Id, StringComparison.Ordinal);
            var payload = EventsHost.Payload(webhook);
            Assert.True(DateTimeOffset.TryParse(payload.GetProperty("timestamp").GetString(), out _));
            var data = payload.GetProperty("data");
            Assert.Equal(subject, data.GetProperty("invoice_id").GetGuid());
            Assert.Equal(TenantId, data.GetProperty("tenant_id").GetGuid());
            return data;
        }

        /// <summary>The <c>data</c> of every event of <paramref name="type"/> received, in arrival order.</summary>
        public List<JsonElement> Data(string type) =>
            Receiver.Received.Select(EventsHost.Payload).Where(p => p.GetProperty("type").GetString() == type).Select(p => p.GetProperty("data")).ToList();

        /// <summary>The event types received, in arrival order.</summary>
        public List<string> Types() =>
            Receiver.Received.Select(r => EventsHost.Payload(r).GetProperty("type").GetString()!).ToList();

        public ValueTask DisposeAsync() => Receiver.DisposeAsync();
    }
}
