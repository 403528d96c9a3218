using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Invoices;

/// <summary>What a successful attempt stores: encrypted OCR output and the extracted fields.</summary>
public sealed record OcrOutcome(
    InvoiceTransition Transition,
    string Engine,
    double Confidence,
    byte[] EncryptedText,
    byte[] EncryptedRaw,
    InvoiceFields Fields,
    string FieldConfidencesJson,
    string? Message);
