namespace Backend.Core.Invoices.Structured;

/// <summary>What the structured path made of a file.</summary>
/// <param name="Invoice">The invoice read from its XML; null when the file is not an e-invoice or could not be read.</param>
/// <param name="Engine"><see cref="EInvoiceEngines"/>: facturx, ubl or cii.</param>
/// <param name="Text">A plain-text rendering of the XML (parties, lines, totals, terms): stored encrypted as the OCR text.</param>
/// <param name="RawJson">The XML itself, in JSON: stored encrypted as the raw OCR data.</param>
/// <param name="Issues">EN 16931 rules that fail and a printed total that disagrees: each sends the invoice to validation.</param>
/// <param name="FallbackReason">Why an e-invoice could not be read from its XML (corrupt XML or attachment): recorded on the invoice.</param>
public sealed record StructuredRead(
    StructuredInvoice? Invoice,
    string? Engine,
    string Text,
    string RawJson,
    IReadOnlyList<string> Issues,
    string? FallbackReason)
{
    public static readonly StructuredRead NotStructured = new(null, null, "", "{}", [], null);

    public static StructuredRead Fallback(string reason) => new(null, null, "", "{}", [], reason);
}
