using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>
/// What the web workspace reads: list filters and status counts, the states poll, the export batches; real PostgreSQL
/// and SelfHost. Rows are written with SQL where the OCR pipeline would only slow the test down.
/// </summary>
public sealed class InvoiceWorkspaceApiTests : IAsyncLifetime
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

    private async Task<Guid> SeedAsync(Guid tenantId, string status, string? supplier, string? number, string? date, decimal? ttc, int minutesAgo = 0)
    {
        var id = Guid.NewGuid();
        await _host.ExecuteAsync("""
            INSERT INTO invoices (id, tenant_id, file_name, blob_name, media_type, file_size, source, status, uploaded_at, updated_at,
                                  ocr_token, ocr_queued_at, supplier_name, invoice_number, invoice_date, amount_ttc)
            VALUES (@id, @tenantId, 'f.pdf', 'none', 'application/pdf', 10, 'upload', @status, now() - make_interval(mins => @minutesAgo), now(),
                    gen_random_uuid(), now(), @supplier, @number, @date::date, @ttc)
            """, new { id, tenantId, status, supplier, number, date, ttc, minutesAgo });
        return id;
    }

    private async Task<JsonElement> ListAsync(string key, string query)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/invoices?" + query, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Numbers(JsonElement list) =>
        list.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("invoiceNumber").GetString()).ToList();

    [Fact]
    public async Task The_list_filters_by_status_supplier_dates_amount_and_number_and_counts_every_status()
    {
        var (tenant, key) = await _host.CreateTenantAsync();
        var (other, _) = await _host.CreateTenantAsync("Autre cabinet");
        await SeedAsync(tenant, InvoiceStatus.PendingValidation, "ACME Fournitures", "FAC-001", "2024-01-10", 120m, 5);
        await SeedAsync(tenant, InvoiceStatus.Validated, "ACME Fournitures", "FAC-002", "2024-02-10", 1200m, 4);
        await SeedAsync(tenant, InvoiceStatus.Validated, "Bureau Vallée", "BV_17", "2024-03-01", 59.9m, 3);
        await SeedAsync(tenant, InvoiceStatus.OcrFailed, null, null, null, null, 2);
        await SeedAsync(other, InvoiceStatus.Validated, "ACME Fournitures", "FAC-003", "2024-02-11", 1200m, 1);

        Assert.Equal(["BV_17", "FAC-002"], Numbers(await ListAsync(key, "status=VALIDATED")));
        Assert.Equal(["FAC-002", "FAC-001"], Numbers(await ListAsync(key, "supplier=acme")));
        Assert.Equal(["FAC-002"], Numbers(await ListAsync(key, "from=2024-02-01&to=2024-02-29")));
        Assert.Equal(["FAC-002", "FAC-001"], Numbers(await ListAsync(key, "minAmount=100&maxAmount=1200")));
        Assert.Equal(["FAC-002"], Numbers(await ListAsync(key, "number=fac-00&status=VALIDATED,EXPORTED")));
        // LIKE's own characters are taken literally: "_" is not "any character".
        Assert.Equal(["BV_17"], Numbers(await ListAsync(key, "number=V_1")));
        Assert.Empty(Numbers(await ListAsync(key, "number=%25")));

        var all = await ListAsync(key, "");
        Assert.Equal(4, all.GetProperty("total").GetInt64());
        var counts = all.GetProperty("counts");
        Assert.Equal(InvoiceStatus.All.Count, counts.EnumerateObject().Count());
        Assert.Equal(2, counts.GetProperty("VALIDATED").GetInt64());
        Assert.Equal(1, counts.GetProperty("PENDING_VALIDATION").GetInt64());
        Assert.Equal(1, counts.GetProperty("OCR_FAILED").GetInt64());
        Assert.Equal(0, counts.GetProperty("EXPORTED").GetInt64());
        // The counts are the tenant's whatever the filter; the total is the filter's.
        var filtered = await ListAsync(key, "status=OCR_FAILED");
        Assert.Equal(1, filtered.GetProperty("total").GetInt64());
        Assert.Equal(2, filtered.GetProperty("counts").GetProperty("VALIDATED").GetInt64());
    }

    [Theory]
    [InlineData("status=VALIDATED,NOPE", "status")]
    [InlineData("from=2024-13-01", "from")]
    [InlineData("to=15/01/2024", "to")]
    [InlineData("from=2024-02-01&to=2024-01-01", "to")]
    [InlineData("minAmount=abc", "minAmount")]
    [InlineData("minAmount=10&maxAmount=5", "maxAmount")]
    [InlineData("maxAmount=1e30", "maxAmount")]
    [InlineData("supplier=a%00b", "supplier")]
    [InlineData("number=%01", "number")]
    public async Task Bad_filters_are_a_400_naming_the_parameter(string query, string member)
    {
        var (_, key) = await _host.CreateTenantAsync();

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/invoices?" + query, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_REQUEST", body.GetProperty("error").GetString());
        // The envelope writes its details' keys in snake_case, as for every route.
        Assert.True(body.GetProperty("details").TryGetProperty(JsonNamingPolicy.SnakeCaseLower.ConvertName(member), out _), body.ToString());
    }

    [Fact]
    public async Task A_text_filter_longer_than_100_characters_is_refused()
    {
        var (_, key) = await _host.CreateTenantAsync();
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/invoices?supplier=" + new string('a', 101), key);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_states_poll_answers_only_the_tenants_own_invoices()
    {
        var (tenant, key) = await _host.CreateTenantAsync();
        var (other, _) = await _host.CreateTenantAsync("Autre cabinet");
        var mine = await SeedAsync(tenant, InvoiceStatus.OcrFailed, null, null, null, null);
        await _host.ExecuteAsync("UPDATE invoices SET error_message = 'Illisible' WHERE id = @mine", new { mine });
        var theirs = await SeedAsync(other, InvoiceStatus.Validated, null, null, null, null);

        using var response = await _host.SendAsync(HttpMethod.Get, $"/api/invoices/states?ids={mine},{theirs},{Guid.NewGuid()}", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var state = Assert.Single(body.GetProperty("invoices").EnumerateArray());
        Assert.Equal(mine, state.GetProperty("id").GetGuid());
        Assert.Equal("OCR_FAILED", state.GetProperty("status").GetString());
        Assert.Equal("Illisible", state.GetProperty("errorMessage").GetString());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("OCR_FAILED").GetInt64());

        using var bad = await _host.SendAsync(HttpMethod.Get, "/api/invoices/states?ids=abc", key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var tooMany = string.Join(",", Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()));
        using var many = await _host.SendAsync(HttpMethod.Get, "/api/invoices/states?ids=" + tooMany, key);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        using var anonymous = await _host.SendAsync(HttpMethod.Get, $"/api/invoices/states?ids={mine}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_invoice_and_its_file_are_not_found()
    {
        var (_, keyA) = await _host.CreateTenantAsync();
        var (_, keyB) = await _host.CreateTenantAsync("Autre cabinet");
        var id = await _host.UploadOkAsync(keyA, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));

        foreach (var path in new[] { $"/api/invoices/{id}", $"/api/invoices/{id}/file" })
        {
            using var response = await _host.SendAsync(HttpMethod.Get, path, keyB);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        using var own = await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{id}/file", keyA);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_batches_are_listed_newest_first_with_their_file_links_for_their_tenant_only()
    {
        var (tenant, key) = await _host.CreateTenantAsync();
        var (_, otherKey) = await _host.CreateTenantAsync("Autre cabinet");
        await _host.ExecuteAsync("""
            INSERT INTO export_batches (id, tenant_id, period_from, period_to, invoice_count, line_count, sage_blob, fec_blob, created_at)
            VALUES (gen_random_uuid(), @tenant, '2024-01-01', '2024-01-31', 3, 9, 'a/sage.txt', 'a/fec.txt', '2024-02-01T10:00:00Z'),
                   (@newest, @tenant, '2024-02-01', '2024-02-29', 1, 3, 'b/sage.txt', 'b/fec.txt', '2024-03-01T10:00:00Z')
            """, new { tenant, newest = Guid.Parse("00000000-0000-0000-0000-0000000000b2") });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/exports", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("total").GetInt64());
        var first = body.GetProperty("batches")[0];
        Assert.Equal("00000000-0000-0000-0000-0000000000b2", first.GetProperty("batch_id").GetString());
        Assert.Equal("2024-02-01", first.GetProperty("from").GetString());
        Assert.Equal("2024-02-29", first.GetProperty("to").GetString());
        Assert.Equal(1, first.GetProperty("count").GetInt32());
        Assert.Equal(3, first.GetProperty("lines").GetInt32());
        Assert.Equal("2024-03-01T10:00:00.000Z", first.GetProperty("created_at").GetString());
        Assert.EndsWith("/api/exports/000000000000000000000000000000b2/sage", first.GetProperty("sage_url").GetString());
        Assert.EndsWith("/fec", first.GetProperty("fec_url").GetString());

        var other = await (await _host.SendAsync(HttpMethod.Get, "/api/exports", otherKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, other.GetProperty("total").GetInt64());
        using var bad = await _host.SendAsync(HttpMethod.Get, "/api/exports?page_size=0", key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_invoice_and_export_answers_for_the_web_types()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/api/openapi.json", null);
        var schemas = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("components").GetProperty("schemas");

        var list = schemas.GetProperty("InvoiceListResponse").GetProperty("properties");
        Assert.True(list.TryGetProperty("counts", out _), list.ToString());
        var detail = schemas.GetProperty("InvoiceDetail").GetProperty("properties");
        foreach (var member in new[] { "amountHT", "amountTVA", "amountTTC", "supplierVAT", "fieldConfidences", "accountingEntries", "fileUrl" })
        {
            Assert.True(detail.TryGetProperty(member, out _), member);
        }
        var batch = schemas.GetProperty("ExportBatchView").GetProperty("properties");
        Assert.True(batch.TryGetProperty("sage_url", out _), batch.ToString());
        var export = schemas.GetProperty("ExportResponse").GetProperty("properties");
        Assert.True(export.TryGetProperty("batch_id", out _), export.ToString());
    }
}
