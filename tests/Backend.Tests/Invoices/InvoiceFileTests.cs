using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Files;
using Backend.Core.Security;
using Backend.Tests.Infrastructure;
using Backend.Tests.Licensing;
using Backend.Tests.Ocr;
using Backend.Tests.Reliability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Invoices;

/// <summary>The seed's <c>fileUrl</c>: the original file back, for its tenant only, by API key or by a signed, expiring link.</summary>
public sealed class InvoiceFileTests : IAsyncLifetime
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
    public async Task The_tenant_gets_its_original_file_back_with_its_type_and_name_and_no_one_else_does()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var (_, otherKey) = await _host.CreateTenantAsync("Autre cabinet");
        var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
        var id = await _host.UploadOkAsync(key, pdf, "facture ACME.pdf");

        using var response = await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{id}/file", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("facture ACME.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{id}/file", otherKey), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{id}/file", null), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{Guid.NewGuid()}/file", key), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, "/api/invoices/pas-un-id/file", key), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_invoice_carries_a_signed_link_a_browser_opens_without_the_key_until_it_expires()
    {
        var (tenantId, key) = await _host.CreateTenantAsync();
        var pdf = TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines);
        var id = await _host.UploadOkAsync(key, pdf, "facture.pdf");
        var other = await _host.UploadOkAsync(key, TestDocuments.TextPdf(["Autre facture"]), "autre.pdf");

        var invoice = await _host.GetInvoiceAsync(key, id);
        var fileUrl = new Uri(invoice.GetProperty("fileUrl").GetString()!);
        var expiresAt = DateTimeOffset.Parse(invoice.GetProperty("fileUrlExpiresAt").GetString()!);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal($"/api/invoices/{id}/file", fileUrl.AbsolutePath);

        // A browser: no API key.
        using var opened = await _host.SendAsync(HttpMethod.Get, fileUrl.PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(pdf, await opened.Content.ReadAsByteArrayAsync());

        // The signature binds the invoice, the tenant and the expiry.
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{other}/file{fileUrl.Query}", null), HttpStatusCode.Forbidden, "FORBIDDEN");
        var later = fileUrl.Query.Replace($"expires={expiresAt.ToUnixTimeSeconds()}", $"expires={expiresAt.ToUnixTimeSeconds() + 3600}", StringComparison.Ordinal);
        Assert.NotEqual(fileUrl.Query, later);
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, fileUrl.AbsolutePath + later, null), HttpStatusCode.Forbidden, "FORBIDDEN");
        var otherTenant = fileUrl.Query.Replace(tenantId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, fileUrl.AbsolutePath + otherTenant, null), HttpStatusCode.Forbidden, "FORBIDDEN");
        var flipped = FlipFirstSignatureCharacter(fileUrl.Query);
        await AssertErrorAsync(await _host.SendAsync(HttpMethod.Get, fileUrl.AbsolutePath + flipped, null), HttpStatusCode.Forbidden, "FORBIDDEN");

        // A link issued 16 minutes ago (lifetime 15) no longer opens.
        var clock = new ManualClock();
        clock.Advance(TimeSpan.FromMinutes(-16));
        var stale = new InvoiceFileLinks(_host.Get<FieldCipher>(), _host.Get<IOptions<InvoicePipelineSettings>>(), clock);
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        var (staleUrl, _) = stale.Issue(context, tenantId, id);
        using var expired = await _host.SendAsync(HttpMethod.Get, new Uri(staleUrl).PathAndQuery, null);
        var body = await AssertErrorAsync(expired, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("lien expiré", body.GetProperty("details").GetProperty("link").GetString());
    }

    // The first character of the signature: the last one may carry only padding bits a decoder ignores.
    private static string FlipFirstSignatureCharacter(string query)
    {
        var at = query.IndexOf("sig=", StringComparison.Ordinal) + 4;
        return query[..at] + (query[at] == 'A' ? 'B' : 'A') + query[(at + 1)..];
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, response.StatusCode);
            ErrorEnvelope.Assert(response.StatusCode, text);
            var body = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(error, body.GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Object, body.GetProperty("details").ValueKind);
            return body;
        }
    }
}
