using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;

namespace Backend.Core.Invoices;

/// <summary>What a successful attempt stores: encrypted OCR output and the extracted fields.</summary>
/// <param name="Structured">The e-invoice read from its XML (its lines, VAT breakdown, terms, IBAN); null for OCR.</param>
/// <param name="EInvoiceNotes">Failed EN 16931 rules, a printed total that disagrees, or why the XML was not used.</param>
/// <param name="FieldPositionsJson">Where each field was read on the page (<see cref="Extraction.FieldLocator"/>); <c>{}</c> for an e-invoice.</param>
public sealed record OcrOutcome(
    InvoiceTransition Transition,
    string Engine,
    double Confidence,
    byte[] EncryptedText,
    byte[] EncryptedRaw,
    InvoiceFields Fields,
    string FieldConfidencesJson,
    string? Message,
    StructuredInvoice? Structured = null,
    string? EInvoiceNotes = null,
    string FieldPositionsJson = "{}");
