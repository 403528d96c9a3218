using Azure.Storage.Blobs;
using Backend.Core.Storage;
using Backend.Functions.Azure;
using Backend.Tests.Infrastructure;

namespace Backend.Tests.Storage;

/// <summary>
/// The blob store contract over Azure Blob storage, emulated by Azurite (<c>scripts/azurite.sh</c>): each test in a
/// container of its own on the shared instance; the outage drill on a private instance it stops and starts again
/// (same port, same data directory).
/// </summary>
public sealed class AzureBlobStoreTests : BlobStoreContractTests
{
    private BlobContainerClient? _container;

    protected override string MissingContainerName { get; } = Azurite.UniqueContainerName("absent");

    protected override async Task<(IBlobStore Store, string Container)> CreateAsync()
    {
        var client = Azurite.Client(Azurite.SharedEndpoint);
        _container = client.GetBlobContainerClient(Azurite.UniqueContainerName("contract"));
        await _container.CreateAsync();
        return (new AzureBlobStore(client), _container.Name);
    }

    protected override async Task<BreakableStore> CreateBreakableAsync()
    {
        var azurite = await AzuriteProcess.StartAsync();
        var client = Azurite.Client(azurite.Endpoint);
        await client.GetBlobContainerClient(ContainerNames.Invoices).CreateAsync();
        return new BreakableStore(new AzureBlobStore(client), azurite.StopAsync, azurite.StartAgainAsync, azurite.DisposeAsync);
    }

    public override async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Every_operation_against_a_service_that_does_not_answer_fails_as_unavailable_and_health_names_it()
    {
        // Nothing listens on a port just freed: connections are refused, as once Azurite or the network is gone.
        var store = new AzureBlobStore(Azurite.Client(new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/{Azurite.AccountName}")));

        // An IOException subclass, so Core treats it as it treats a failing disk: 503 + Retry-After, job redelivered.
        await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.PutAsync(ContainerNames.Invoices, "x.pdf", new MemoryStream([1])));
        await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.OpenReadAsync(ContainerNames.Invoices, "x.pdf"));
        await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.DeleteAsync(ContainerNames.Invoices, "x.pdf"));
        await Assert.ThrowsAsync<BlobStoreUnavailableException>(async () => await store.ListAsync(ContainerNames.Invoices).ToListAsync());
        Assert.Equal("blob storage unreachable", await store.CheckHealthAsync());
        Assert.True(Core.Http.UnhandledExceptionResult.IsTransientDependencyFailure(new BlobStoreUnavailableException("x")));
    }
}
