using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Accounting.Export;
using Backend.Core.Invoices;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;

namespace Backend.Tests.Accounting;

/// <summary><c>POST /api/sage/export</c> on SelfHost: files, batch, EXPORTED in the same transaction, idempotence, errors.</summary>
public sealed class ExportTests : IAsyncLifetime
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

    /// <summary>An invoice analysed by the real attempt, then validated through the API.</summary>
    private async Task<Guid> ValidatedInvoiceAsync(Guid tenantId, string key, string number, DateOnly date, decimal ht, decimal tva, string supplier = "ACME Corp", bool creditNote = false)
    {
        var sign = creditNote ? -1 : 1;
        var id = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, supplier: supplier, number: number, date: date,
            ht: sign * ht, tva: sign * tva, ttc: sign * (ht + tva), creditNote: creditNote);
        Assert.Equal(AnalysisAttemptStatus.Completed, await _host.Get<AiAnalysisAttempt>().RunAsync(new AnalysisJob(id, tenantId), CancellationToken.None));
        using var patch = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        return id;
    }

    private async Task<JsonElement> ExportAsync(string key, string from, string to)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", key, new { from, to });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpStatusCode Status, byte[] Body, string? ContentType)> DownloadAsync(string url, string? key)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, new Uri(url).PathAndQuery, key);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Validated_invoices_of_the_period_are_exported_once_with_sage_and_fec_files()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var (otherTenant, otherKey) = await _host.CreateTenantAsync("Autre cabinet");
        var january = await ValidatedInvoiceAsync(tenantId, key, "FAC-2024-001", new DateOnly(2024, 1, 15), 1000m, 200m);
        var creditNote = await ValidatedInvoiceAsync(tenantId, key, "AV-2024-002", new DateOnly(2024, 1, 31), 50m, 10m, supplier: "EDF", creditNote: true);
        var february = await ValidatedInvoiceAsync(tenantId, key, "FAC-2024-003", new DateOnly(2024, 2, 1), 10m, 2m);
        var notValidated = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.AiCompleted, number: "FAC-2024-004");
        var othersInvoice = await ValidatedInvoiceAsync(otherTenant, otherKey, "FAC-9", new DateOnly(2024, 1, 10), 1m, 0.2m);

        var export = await ExportAsync(key, "2024-01-01", "2024-01-31");

        Assert.True(export.GetProperty("success").GetBoolean());
        Assert.Equal(2, export.GetProperty("count").GetInt32());
        Assert.Equal(6, export.GetProperty("lines").GetInt32());
        Assert.Equal(InvoiceStatus.Exported, await AccountingRows.StatusAsync(_database.DataSource, january));
        Assert.Equal(InvoiceStatus.Exported, await AccountingRows.StatusAsync(_database.DataSource, creditNote));
        Assert.Equal(InvoiceStatus.Validated, await AccountingRows.StatusAsync(_database.DataSource, february));
        Assert.Equal(InvoiceStatus.AiCompleted, await AccountingRows.StatusAsync(_database.DataSource, notValidated));
        Assert.Equal(InvoiceStatus.Validated, await AccountingRows.StatusAsync(_database.DataSource, othersInvoice));

        var sage = await DownloadAsync(export.GetProperty("sage_url").GetString()!, key);
        Assert.Equal(HttpStatusCode.OK, sage.Status);
        Assert.Equal("text/plain; charset=windows-1252", sage.ContentType);
        Assert.Equal(
            "ACH   15012024FF60100000     ACH000001    FAC-2024-001     ACME Corp FAC-2024-001             D       1000,00EUR\r\n" +
            "ACH   15012024FF44566000     ACH000001    FAC-2024-001     ACME Corp FAC-2024-001             D        200,00EUR\r\n" +
            "ACH   15012024FF40100000     ACH000001    FAC-2024-001     ACME Corp FAC-2024-001             C       1200,00EUR\r\n" +
            "ACH   31012024AF60610000     ACH000002    AV-2024-002      EDF AV-2024-002                    C         50,00EUR\r\n" +
            "ACH   31012024AF44566000     ACH000002    AV-2024-002      EDF AV-2024-002                    C         10,00EUR\r\n" +
            "ACH   31012024AF40100000     ACH000002    AV-2024-002      EDF AV-2024-002                    D         60,00EUR\r\n",
            Encoding.Latin1.GetString(sage.Body));

        var fec = await DownloadAsync(export.GetProperty("fec_url").GetString()!, key);
        Assert.Equal(HttpStatusCode.OK, fec.Status);
        var fecLines = Encoding.Latin1.GetString(fec.Body).Split("\r\n");
        // ValidDate is the French calendar day of the validation, as PostgreSQL converts it.
        var validDate = await _host.ScalarAsync<string>(
            "SELECT to_char(validated_at AT TIME ZONE 'Europe/Paris', 'YYYYMMDD') FROM invoices WHERE id = @january", new { january });
        Assert.Equal(string.Join('|', FecWriter.Header), fecLines[0]);
        Assert.Equal($"ACH|Journal des achats|ACH000001|20240115|60100000|Achats stockés - Matières premières|||FAC-2024-001|20240115|ACME Corp FAC-2024-001|1000,00|0,00|||{validDate}||",
            fecLines[1]);
        Assert.StartsWith("ACH|Journal des achats|ACH000002|20240131|40100000|Fournisseurs|||AV-2024-002|20240131|EDF AV-2024-002|60,00|0,00|||", fecLines[6]);
        Assert.Equal(8, fecLines.Length);

        // The files are the tenant's own.
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(export.GetProperty("sage_url").GetString()!, otherKey)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DownloadAsync(export.GetProperty("fec_url").GetString()!, null)).Status);

        // The same period again exports nothing twice.
        var again = await ExportAsync(key, "2024-01-01", "2024-01-31");
        Assert.Equal(0, again.GetProperty("count").GetInt32());
        Assert.Equal(0, again.GetProperty("lines").GetInt32());
        Assert.Empty((await DownloadAsync(again.GetProperty("sage_url").GetString()!, key)).Body);
        Assert.Equal(2L, await _host.ScalarAsync<long>("SELECT count(*) FROM export_batch_invoices"));

        // The next export continues the entry numbering.
        var next = await ExportAsync(key, "2024-02-01", "2024-02-29");
        Assert.Equal(1, next.GetProperty("count").GetInt32());
        Assert.Contains("ACH000003", Encoding.Latin1.GetString((await DownloadAsync(next.GetProperty("fec_url").GetString()!, key)).Body));
    }

    [Fact]
    public async Task Without_a_body_every_validated_invoice_not_yet_exported_is_exported_as_the_seed_calls_it()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var (otherTenant, otherKey) = await _host.CreateTenantAsync("Autre cabinet");
        var old = await ValidatedInvoiceAsync(tenantId, key, "FAC-2023-100", new DateOnly(2023, 11, 3), 100m, 20m);
        var recent = await ValidatedInvoiceAsync(tenantId, key, "FAC-2024-200", new DateOnly(2024, 3, 9), 10m, 2m);
        var notValidated = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.AiCompleted, number: "FAC-2024-300");
        var othersInvoice = await ValidatedInvoiceAsync(otherTenant, otherKey, "FAC-9", new DateOnly(2024, 1, 10), 1m, 0.2m);

        // The seed's `curl -X POST .../api/sage/export`: no body at all.
        using var bare = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", key);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        var export = await bare.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, export.GetProperty("count").GetInt32());
        Assert.Equal("2023-11-03", export.GetProperty("from").GetString());
        Assert.Equal("2024-03-09", export.GetProperty("to").GetString());
        Assert.Equal(InvoiceStatus.Exported, await AccountingRows.StatusAsync(_database.DataSource, old));
        Assert.Equal(InvoiceStatus.Exported, await AccountingRows.StatusAsync(_database.DataSource, recent));
        Assert.Equal(InvoiceStatus.AiCompleted, await AccountingRows.StatusAsync(_database.DataSource, notValidated));
        Assert.Equal(InvoiceStatus.Validated, await AccountingRows.StatusAsync(_database.DataSource, othersInvoice));
        var sage = Encoding.Latin1.GetString((await DownloadAsync(export.GetProperty("sage_url").GetString()!, key)).Body);
        Assert.Contains("ACH000001    FAC-2023-100", sage);
        Assert.Contains("ACH000002    FAC-2024-200", sage);

        // Again, with an explicitly empty body (Content-Length: 0): nothing is exported twice.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sage/export") { Content = new ByteArrayContent([]) };
        request.Headers.Add("X-Api-Key", key);
        using var empty = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var again = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("count").GetInt32());
        Assert.Equal(0, again.GetProperty("lines").GetInt32());
    }

    [Fact]
    public async Task An_empty_period_is_a_200_with_zero_lines()
    {
        var (_, key) = await _host.CreateTenantAsync();

        var export = await ExportAsync(key, "2030-01-01", "2030-12-31");

        Assert.Equal(0, export.GetProperty("count").GetInt32());
        var fec = await DownloadAsync(export.GetProperty("fec_url").GetString()!, key);
        Assert.Equal(string.Join('|', FecWriter.Header) + "\r\n", Encoding.Latin1.GetString(fec.Body));
    }

    [Fact]
    public async Task An_invoice_validated_without_entries_is_booked_by_the_rules_and_a_contradictory_one_is_skipped()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var plain = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.Validated, supplier: "Orange", number: "F-1");
        var broken = await AccountingRows.InsertInvoiceAsync(_database.DataSource, tenantId, InvoiceStatus.Validated, number: "F-2", ttc: 999m);

        var export = await ExportAsync(key, "2024-01-01", "2024-01-31");

        Assert.Equal(1, export.GetProperty("count").GetInt32());
        Assert.Contains("F-2", export.GetProperty("skipped")[0].GetString());
        Assert.Equal(InvoiceStatus.Exported, await AccountingRows.StatusAsync(_database.DataSource, plain));
        Assert.Equal(InvoiceStatus.Validated, await AccountingRows.StatusAsync(_database.DataSource, broken));
        Assert.Contains("62600000", Encoding.Latin1.GetString((await DownloadAsync(export.GetProperty("sage_url").GetString()!, key)).Body));
    }

    [Theory]
    [InlineData("""{"from":"2024-01-01"}""", "to")]
    [InlineData("""{"to":"2024-01-01"}""", "from")]
    [InlineData("""{"from":"01/01/2024","to":"2024-01-31"}""", "from")]
    [InlineData("""{"from":"2024-02-01","to":"2024-01-31"}""", "to")]
    [InlineData("""{"from":"2024-01-01","to":"2024-01-31","format":"csv"}""", "format")]
    [InlineData("""{"from":20240101,"to":"2024-01-31"}""", "from")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"from":""", "body")]
    public async Task Bad_requests_are_400_naming_the_field(string body, string field)
    {
        var (_, key) = await _host.CreateTenantAsync();

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Equal("INVALID_REQUEST", error.GetProperty("error").GetString());
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.GetRawText());
    }

    [Fact]
    public async Task Export_needs_a_valid_api_key()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/sage/export", "not-a-key", new { from = "2024-01-01", to = "2024-01-31" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
