using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Backend.Core.Invoices;
using Backend.Tests.Foundation;
using Backend.Tests.Infrastructure;
using Backend.Tests.Ocr;

namespace Backend.Tests.Invoices;

/// <summary>Seed 003's times: every time of the invoice API is UTC with Z in milliseconds (2025-11-17T20:30:00.000Z).</summary>
public sealed class InvoiceTimeFormatTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
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

    [Fact]
    public async Task Every_time_of_every_invoice_answer_is_utc_with_z_in_milliseconds()
    {
        var (_, key) = await _host.CreateTenantAsync();
        var bodies = new List<JsonElement>();
        async Task Keep(HttpResponseMessage response)
        {
            using (response)
            {
                bodies.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
            }
        }

        await Keep(await _host.UploadAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "facture.pdf"));
        var id = bodies[0].GetProperty("invoiceId").GetGuid();
        bodies.Add(await _host.WaitForStatusAsync(key, id, InvoiceStatus.AiCompleted));
        await Keep(await _host.SendAsync(HttpMethod.Get, "/api/invoices", key));
        using (var patch = await _host.SendAsync(HttpMethod.Patch, $"/api/invoices/{id}", key, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            bodies.Add(await patch.Content.ReadFromJsonAsync<JsonElement>());
        }
        await Keep(await _host.SendAsync(HttpMethod.Post, $"/api/invoices/{id}/retry", key));
        await Keep(await _host.SendAsync(HttpMethod.Get, $"/api/invoices/{Guid.NewGuid()}", key));

        var seen = new HashSet<string>();
        var checkedTimes = 0;
        foreach (var body in bodies)
        {
            checkedTimes += TimeFormats.AssertAll(body, TimeFormats.InvoiceApi);
            Collect(body, seen);
        }
        foreach (var member in new[] { "uploadedAt", "processedAt", "validatedAt", "invoiceDate", "dueDate", "entryDate", "fileUrlExpiresAt", "analyzedAt", "timestamp" })
        {
            Assert.Contains(member, seen);
        }
        Assert.True(checkedTimes >= 15, $"only {checkedTimes} times checked");
    }

    private static void Collect(JsonElement json, HashSet<string> seen)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && TimeFormats.Milliseconds.IsMatch(property.Value.GetString()!))
                {
                    seen.Add(property.Name);
                }
                Collect(property.Value, seen);
            }
        }
        else if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                Collect(item, seen);
            }
        }
    }
}
