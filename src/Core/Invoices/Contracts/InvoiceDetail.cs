using System.Text.Json.Serialization;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Contracts;

/// <summary>One invoice as <c>GET /api/invoices/{id}</c> and <c>PATCH</c> show it; never the raw OCR data.</summary>
public sealed class InvoiceDetail : InvoiceSummary
{
    public string? OcrText { get; init; }

    /// <summary>Present only when the OCR text could not be decrypted (a missing key): the rest stays usable.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OcrTextError { get; init; }

    public string? SupplierAddress { get; init; }
    public string? SupplierSiren { get; init; }
    public string? SupplierSiret { get; init; }
    public string? DueDate { get; init; }

    [JsonPropertyName("amountHT")]
    public string? AmountHt { get; init; }

    [JsonPropertyName("amountTVA")]
    public string? AmountTva { get; init; }

    public string? TvaRate { get; init; }
    public bool IsCreditNote { get; init; }
    public required string MediaType { get; init; }
    public long FileSize { get; init; }
    public required string Source { get; init; }
    public string? OcrEngine { get; init; }
    public string? LastRetryAt { get; init; }
    public string? ValidatedAt { get; init; }
    public required IReadOnlyDictionary<string, double> FieldConfidences { get; init; }

    /// <summary>
    /// Where each field was read on the original, by the names of <see cref="FieldConfidences"/>: page and box as
    /// fractions of the page. Empty for an e-invoice read from its XML, and for a field no engine gave a place for.
    /// </summary>
    public required IReadOnlyDictionary<string, PageBox> FieldPositions { get; init; }
    public required IReadOnlyList<AccountingEntryView> AccountingEntries { get; init; }
    public string? DocumentType { get; init; }
    public string? PaymentTerms { get; init; }
    public string? Iban { get; init; }
    public string? EinvoiceNotes { get; init; }
    public string? FileUrl { get; init; }
    public string? FileUrlExpiresAt { get; init; }
    public InvoiceAnalysisView? Analysis { get; init; }
    public required IReadOnlyList<VatLineView> VatBreakdown { get; init; }
    public required IReadOnlyList<LineItemView> LineItems { get; init; }
}
