using Backend.Core.Invoices.Extraction;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>What a generated invoice really says; amounts are negative for a credit note.</summary>
public sealed record GroundTruth(
    string Id,
    int Layout,
    int Pages,
    string SupplierName,
    string? SupplierVat,
    string SupplierSiren,
    string SupplierSiret,
    string SupplierAddress,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly? DueDate,
    decimal AmountHt,
    decimal AmountTva,
    decimal AmountTtc,
    decimal? VatRate,
    string Currency,
    bool IsCreditNote,
    IReadOnlyList<VatLine> VatBreakdown);
