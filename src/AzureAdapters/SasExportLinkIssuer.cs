using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Backend.Core.Accounting.Export;
using Backend.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backend.Functions.Azure;

/// <summary>
/// Export links on Azure: a read-only user delegation SAS on the one blob, signed with a key obtained through the
/// app's managed identity (no account key anywhere), valid <c>Export__LinkLifetimeMinutes</c>.
/// </summary>
public sealed class SasExportLinkIssuer(BlobServiceClient client, IOptions<ExportSettings> options, TimeProvider time) : IExportLinkIssuer
{
    public async Task<string> IssueAsync(HttpContext context, Guid batchId, string kind, string blobName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresOn = now.AddMinutes(options.Value.LinkLifetimeMinutes);
        // Starts a little in the past: the storage service's clock may be behind ours.
        var key = await client.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expiresOn) { StartsOn = now.AddMinutes(-5) }, cancellationToken);
        var blob = client.GetBlobContainerClient(ContainerNames.Exports).GetBlobClient(blobName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = ContainerNames.Exports,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now.AddMinutes(-5),
            ExpiresOn = expiresOn,
            ContentDisposition = $"attachment; filename=\"{Path.GetFileName(blobName)}\"",
        };
        sas.SetPermissions(BlobSasPermissions.Read);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, client.AccountName) }.ToUri().ToString();
    }
}
