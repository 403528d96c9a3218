namespace Backend.Core.Invoices;

/// <summary>One row of <c>invoices</c> as Dapper reads it (snake_case columns map to these names).</summary>
public sealed class InvoiceRow
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public string FileName { get; init; } = "";
    public string BlobName { get; init; } = "";
    public string MediaType { get; init; } = "";
    public long FileSize { get; init; }
    public string Source { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
    public DateTimeOffset? ValidatedAt { get; init; }
    public Guid OcrToken { get; init; }
    public string? OcrEngine { get; init; }
    public decimal? OcrConfidence { get; init; }
    public byte[]? OcrText { get; init; }
    public int RetryCount { get; init; }
    public DateTimeOffset? LastRetryAt { get; init; }
    public string? ErrorMessage { get; init; }
    public string? SupplierName { get; init; }
    public string? SupplierVat { get; init; }
    public string? SupplierSiren { get; init; }
    public string? SupplierSiret { get; init; }
    public string? SupplierAddress { get; init; }
    public string? InvoiceNumber { get; init; }
    public DateOnly? InvoiceDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public decimal? AmountHt { get; init; }
    public decimal? AmountTva { get; init; }
    public decimal? AmountTtc { get; init; }
    public decimal? TvaRate { get; init; }
    public string? Currency { get; init; }
    public bool IsCreditNote { get; init; }
    public string FieldConfidences { get; init; } = "{}";
    public string? DocumentType { get; init; }
    public string? PaymentTerms { get; init; }
    public string? Iban { get; init; }
    public string? EinvoiceNotes { get; init; }
    public string FieldPositions { get; init; } = "{}";
}
