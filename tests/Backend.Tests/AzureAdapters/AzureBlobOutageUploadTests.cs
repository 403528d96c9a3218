using System.Net;
using System.Text.Json;
using Backend.Core.Storage;
using Backend.Functions.Azure;
using Backend.Tests.Infrastructure;
using Backend.Tests.Invoices;
using Backend.Tests.Ocr;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.AzureAdapters;

/// <summary>
/// The upload handler the OCR app runs, over <see cref="AzureBlobStore"/> on a private Azurite that the test stops:
/// the outage answers 503 with <c>Retry-After</c> and leaves no invoice behind, as a failing disk does under SelfHost.
/// </summary>
public sealed class AzureBlobOutageUploadTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_upload_while_blob_storage_is_stopped_answers_503_with_retry_after_and_leaves_no_invoice()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var client = Azurite.Client(azurite.Endpoint);
        await client.GetBlobContainerClient(ContainerNames.Invoices).CreateAsync();
        var store = new AzureBlobStore(client);
        await using var host = InvoiceTestHost.Create(_database.ConnectionString, _database.DataSource,
            services: s => s.AddSingleton<IBlobStore>(store));
        var (_, key) = await host.CreateTenantAsync();

        // Storage up: the file lands in Azure Blob storage and the OCR worker reads it back from there.
        var before = await host.UploadOkAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "avant.pdf");
        Assert.NotNull(await store.OpenReadAsync(ContainerNames.Invoices, await host.ScalarAsync<string>("SELECT blob_name FROM invoices WHERE id = @before", new { before })));
        await host.WaitForStatusAsync(key, before, "OCR_COMPLETED", "PENDING_VALIDATION");

        await azurite.StopAsync();

        using var response = await host.UploadAsync(key, TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), "pendant.pdf");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("SERVER_ERROR", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync<int>("SELECT count(*)::int FROM invoices"));

        using var health = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("blob storage unreachable", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
