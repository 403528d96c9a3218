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
