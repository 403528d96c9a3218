using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Accounting;

/// <summary>
/// What an analyzer is given: the (possibly user-corrected) fields, the OCR text, the tenant's accounts for this supplier,
/// and, for an e-invoice, its lines.
/// </summary>
public sealed record InvoiceToAnalyze(
    InvoiceFields Fields,
    string? OcrText = null,
    SupplierAccountOverride? SupplierAccounts = null,
    IReadOnlyList<BookableLine>? Lines = null);
