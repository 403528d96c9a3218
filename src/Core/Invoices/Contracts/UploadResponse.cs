namespace Backend.Core.Invoices.Contracts;

/// <summary>201 of an upload: the invoice is stored and its OCR job queued.</summary>
public sealed record UploadResponse(bool Success, Guid InvoiceId, string FileName, long FileSize, string MediaType, string Status);
