namespace Backend.Core.Invoices;

/// <param name="Returned">Invoices taken back from OCR_PROCESSING.</param>
/// <param name="Requeued">Invoices in UPLOADED whose lost job was sent again.</param>
public sealed record SweepResult(int Returned, int Requeued);
