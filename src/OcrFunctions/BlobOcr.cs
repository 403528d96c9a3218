using Azure.Storage.Blobs;
using Backend.Core.Invoices;
using Backend.Core.Storage;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Backend.OcrFunctions;

/// <summary>A file lands in <c>inbox/{tenant_id}/</c>: take it in once per name and ETag, and queue its OCR.</summary>
public sealed class BlobOcr(InvoiceIntake intake, ILogger<BlobOcr> logger)
{
    [Function(nameof(BlobOcr))]
    public async Task Run(
        [BlobTrigger(ContainerNames.Inbox + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = AzureServiceCollectionExtensions.StorageConnection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var result = await intake.AcceptInboxBlobAsync(name, properties.Value.ETag.ToString(), cancellationToken);
        logger.LogInformation("Inbox drop: {Outcome} {InvoiceId} (new: {IsNew})", result.Outcome, result.InvoiceId, result.IsNew);
    }
}
