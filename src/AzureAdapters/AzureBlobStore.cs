using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Backend.Core.Storage;
using BlobItem = Backend.Core.Storage.BlobItem;

namespace Backend.Functions.Azure;

/// <summary>
/// <see cref="IBlobStore"/> over Azure Blob storage. An upload commits its blocks at once, so readers never see part
/// of a blob. Storage that cannot be reached surfaces as <see cref="BlobStoreUnavailableException"/>, as a failing disk
/// does under <see cref="FileSystemBlobStore"/>. The containers are created by the infrastructure (Bicep), not here.
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient client) : IBlobStore
{
    /// <summary>
    /// The client options the app uses: a few quick retries, so an upload during an outage answers 503 within about
    /// two seconds instead of the SDK's default ladder (0.8 s doubling: about six seconds).
    /// </summary>
    public static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        return options;
    }

    public async Task PutAsync(string container, string name, Stream content, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetBlobContainerClient(container).GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw Unavailable(e);
        }
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
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw Unavailable(e);
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.GetBlobContainerClient(container).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            return response.Value;
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw Unavailable(e);
        }
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Each page is a request that may fail; a yield cannot sit inside a try with a catch, so the enumerator is driven by hand.
        await using var blobs = client.GetBlobContainerClient(container)
            .GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await blobs.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                // As on the file system: a container nothing was ever put in lists empty.
                yield break;
            }
            catch (Exception e) when (IsOutage(e, cancellationToken))
            {
                throw Unavailable(e);
            }
            var blob = blobs.Current;
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
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return $"blob storage answered {e.Status}";
        }
        catch (AuthenticationFailedException)
        {
            // The managed identity could not get a token: a deployment problem, reported as a down dependency.
            return "blob storage credential unavailable";
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            return "blob storage unreachable";
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> means the service is down or overloaded rather than that the request was wrong:
    /// no answer at all (status 0: refused, reset, DNS), 408, 429 or 5xx, a network timeout, or the retry policy's
    /// <see cref="AggregateException"/> once every try failed that way.
    /// </summary>
    public static bool IsOutage(Exception e, CancellationToken cancellationToken) => e switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsOutage(inner, cancellationToken)),
        // The SDK's network timeout cancels the try; the caller's own cancellation is not an outage.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static BlobStoreUnavailableException Unavailable(Exception e) =>
        new($"Blob storage unavailable ({(e is RequestFailedException { Status: > 0 } r ? r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}).", e);
}
