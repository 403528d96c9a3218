namespace Backend.Core.Invoices;

/// <summary>An invoice about to be created in UPLOADED, with the token of the OCR job that will be sent for it.</summary>
public sealed record NewInvoice(
    Guid Id,
    Guid TenantId,
    string FileName,
    string BlobName,
    string MediaType,
    long FileSize,
    string Source,
    Guid OcrToken);
