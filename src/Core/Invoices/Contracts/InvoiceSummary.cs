using System.Text.Json.Serialization;

namespace Backend.Core.Invoices.Contracts;

/// <summary>An invoice in a list: the seed's camelCase members, amounts as "1000.00", dates as "2024-01-15T00:00:00.000Z".</summary>
public class InvoiceSummary
{
    public required Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string Status { get; init; }
    public required string UploadedAt { get; init; }
    public string? ProcessedAt { get; init; }
    public double? OcrConfidence { get; init; }
    public string? SupplierName { get; init; }

    [JsonPropertyName("supplierVAT")]
    public string? SupplierVat { get; init; }

    public string? InvoiceNumber { get; init; }
    public string? InvoiceDate { get; init; }

    [JsonPropertyName("amountTTC")]
    public string? AmountTtc { get; init; }

    public string? Currency { get; init; }
    public int RetryCount { get; init; }
    public string? ErrorMessage { get; init; }
}
