namespace Backend.Core.Invoices;

/// <summary>An invoice an OCR job has just moved to OCR_PROCESSING.</summary>
/// <param name="RetryCount">Failed attempts before this one.</param>
public sealed record ClaimedInvoice(Guid Id, Guid TenantId, string BlobName, string MediaType, int RetryCount, Guid OcrToken);
