using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// Everything an e-invoice's XML says that we keep, read exactly. <see cref="Fields"/> carries the amounts signed as the
/// pipeline expects (a credit note negative) with confidence 1; <see cref="Totals"/> keeps the document's own unsigned
/// totals for the EN 16931 arithmetic.
/// </summary>
/// <param name="Syntax">"cii" (UN/CEFACT CII D16B/D22B or ZUGFeRD 1.0) or "ubl".</param>
/// <param name="DocumentType">UNTDID 1001 code: 380 invoice, 381 credit note, 384 corrective invoice, ...</param>
public sealed record StructuredInvoice(
    string Syntax,
    string DocumentType,
    InvoiceFields Fields,
    IReadOnlyList<VatBreakdownLine> VatBreakdown,
    IReadOnlyList<InvoiceLineItem> Lines,
    string? PaymentTerms,
    string? Iban,
    DocumentTotals Totals)
{
    /// <summary>UNTDID 1001 codes of credit notes: their amounts are booked negative.</summary>
    public static readonly IReadOnlySet<string> CreditNoteTypes = new HashSet<string>(StringComparer.Ordinal) { "381", "261", "396", "502", "503", "81", "83", "532" };
}

/// <summary>One rate of the VAT breakdown (BG-23), signed like the invoice's amounts.</summary>
/// <param name="CategoryCode">UNCL 5305: S standard, Z zero, E exempt, AE reverse charge, K intra-EU, G export, O outside scope, L/M Canaries/Ceuta.</param>
public sealed record VatBreakdownLine(string CategoryCode, decimal? Rate, decimal BaseAmount, decimal TaxAmount);

/// <summary>One invoice line (BG-25), signed like the invoice's amounts.</summary>
public sealed record InvoiceLineItem(
    string? Description,
    decimal? Quantity,
    string? UnitCode,
    decimal? UnitPrice,
    decimal NetAmount,
    decimal? VatRate,
    string? VatCategory);

/// <summary>The document's monetary totals (BG-22) as written, before any credit-note sign.</summary>
public sealed record DocumentTotals(
    decimal? LineTotal,
    decimal? AllowanceTotal,
    decimal? ChargeTotal,
    decimal? TaxBasisTotal,
    decimal? TaxTotal,
    decimal? GrandTotal,
    decimal? Prepaid,
    decimal? Rounding,
    decimal? DuePayable,
    IReadOnlyList<decimal> LineNets,
    IReadOnlyList<VatBreakdownLine> UnsignedBreakdown);
