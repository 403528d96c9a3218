using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Backend.Core.Accounting.Export;
using Backend.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Functions.Azure;

/// <summary>
/// Export links on Azure: a read-only SAS on the one blob, valid <c>Export__LinkLifetimeMinutes</c>. In Azure it is a
/// user delegation SAS, signed with a key obtained through the app's managed identity (no account key anywhere).
/// A client built with the account's shared key (the Azurite emulator the tests run) signs with that key instead:
/// Azurite hands out user delegation keys only to OAuth clients over HTTPS.
/// </summary>
public sealed class SasExportLinkIssuer(BlobServiceClient client, IOptions<ExportSettings> options, TimeProvider time) : IExportLinkIssuer
{
    // The storage service's clock may be behind ours.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<string> IssueAsync(HttpContext context, Guid batchId, string kind, string blobName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresOn = now.AddMinutes(options.Value.LinkLifetimeMinutes);
        var blob = client.GetBlobContainerClient(ContainerNames.Exports).GetBlobClient(blobName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = ContainerNames.Exports,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now - ClockSkew,
            ExpiresOn = expiresOn,
            ContentDisposition = $"attachment; filename=\"{Path.GetFileName(blobName)}\"",
        };
        sas.SetPermissions(BlobSasPermissions.Read);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas).ToString();
        }
        UserDelegationKey key;
        try
        {
            key = (await client.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expiresOn) { StartsOn = now - ClockSkew }, cancellationToken)).Value;
        }
        catch (Exception e) when (AzureBlobStore.IsOutage(e, cancellationToken))
        {
            throw new BlobStoreUnavailableException("Blob storage unavailable (user delegation key).", e);
        }
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, client.AccountName) }.ToUri().ToString();
    }
}
