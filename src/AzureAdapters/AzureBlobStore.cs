using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backend.Core.Storage;
using BlobItem = Backend.Core.Storage.BlobItem;

namespace Backend.Functions.Azure;

/// <summary><see cref="IBlobStore"/> over Azure Blob storage. An upload commits its blocks at once, so readers never see part of a blob.</summary>
public sealed class AzureBlobStore(BlobServiceClient client) : IBlobStore
{
    public async Task PutAsync(string container, string name, Stream content, CancellationToken cancellationToken = default)
    {
        await client.GetBlobContainerClient(container).GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await client.GetBlobContainerClient(container).GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var response = await client.GetBlobContainerClient(container).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in client.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            yield return new BlobItem(container, blob.Name, blob.Properties.ContentLength ?? 0,
                blob.Properties.LastModified ?? DateTimeOffset.MinValue, blob.Properties.ETag?.ToString() ?? "");
        }
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetBlobContainerClient(ContainerNames.Invoices).GetPropertiesAsync(cancellationToken: cancellationToken);
            return null;
        }
        catch (RequestFailedException e)
        {
            return $"blob storage answered {e.Status}";
        }
        catch (AuthenticationFailedException)
        {
            // The managed identity could not get a token: a deployment problem, reported as a down dependency.
            return "blob storage credential unavailable";
        }
    }
}
