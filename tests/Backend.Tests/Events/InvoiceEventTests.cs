using System.Net;
using System.Net.Http.Json;
using Backend.Core.Events;
using Backend.Core.Invoices;
using Backend.Core.Webhooks;
using Backend.Tests.Accounting;
using Backend.Tests.Licensing;

namespace Backend.Tests.Events;

/// <summary>A tenant's invoice events reach that tenant's endpoints only.</summary>
public sealed class InvoiceEventTests : IClassFixture<EventsHost>
{
    private readonly EventsHost _host;

    public InvoiceEventTests(EventsHost host) => _host = host;

    [Fact]
    public async Task Validating_an_invoice_notifies_its_tenants_endpoint_and_no_one_else()
    {
        var (tenant, apiKey) = await CreateTenantAsync("Cabinet Dupont");
        var (_, otherKey) = await CreateTenantAsync("Cabinet Martin");
        var mine = new WebhookReceiver();
        var theirs = new WebhookReceiver();
        await mine.StartAsync();
        await theirs.StartAsync();
        await using var _ = mine;
        await using var __ = theirs;
        var (_, secret) = await RegisterAsync(apiKey, mine.Url);
        await RegisterAsync(otherKey, theirs.Url);
        var refused = await SendAsync(HttpMethod.Post, "/api/" + TenantWebhookRoutes.Tenant, apiKey, new { url = _host.Receiver.Url, events = new[] { EventTypes.LicenseActivated } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var invoice = await AccountingRows.InsertInvoiceAsync(_host.Database.DataSource, tenant, InvoiceStatus.OcrCompleted);
        var patch = await SendAsync(HttpMethod.Patch, $"/api/invoices/{invoice}", apiKey, new { });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        await _host.Dispatcher.DrainAsync(CancellationToken.None);

        var webhook = Assert.Single(mine.Received);
        Assert.True(webhook.IsSignedWith(secret));
        var payload = EventsHost.Payload(webhook);
        Assert.Equal(EventTypes.InvoiceValidated, payload.GetProperty("type").GetString());
        Assert.Equal(invoice, payload.GetProperty("data").GetProperty("invoice_id").GetGuid());
        Assert.Equal(InvoiceStatus.Validated, payload.GetProperty("data").GetProperty("status").GetString());
        Assert.Empty(theirs.Received);
    }

    private async Task<(Guid TenantId, string ApiKey)> CreateTenantAsync(string name)
    {
        var body = await Json.ReadAsync(await _host.AdminAsync(HttpMethod.Post, "/api/v1/admin/tenants", new { name }));
        return (body.GetProperty("tenant_id").GetGuid(), body.GetProperty("api_key").GetString()!);
    }

    private async Task<(Guid Id, string Secret)> RegisterAsync(string apiKey, string url)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/" + TenantWebhookRoutes.Tenant, apiKey, new { url, events = EventTypes.Tenant.ToArray() });
        var body = await Json.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string apiKey, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", apiKey);
        return _host.Client.SendAsync(request);
    }
}
