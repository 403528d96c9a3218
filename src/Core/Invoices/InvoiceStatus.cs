namespace Backend.Core.Invoices;

/// <summary>The invoice states of seed 003, as stored in <c>invoices.status</c> and shown by the API.</summary>
public static class InvoiceStatus
{
    public const string Uploaded = "UPLOADED";
    public const string OcrProcessing = "OCR_PROCESSING";
    public const string OcrCompleted = "OCR_COMPLETED";
    public const string OcrFailed = "OCR_FAILED";
    public const string PendingValidation = "PENDING_VALIDATION";
    public const string AiProcessing = "AI_PROCESSING";
    public const string AiCompleted = "AI_COMPLETED";
    public const string AiFailed = "AI_FAILED";
    public const string Validated = "VALIDATED";
    public const string Exported = "EXPORTED";

    public static IReadOnlyList<string> All { get; } =
    [
        Uploaded, OcrProcessing, OcrCompleted, OcrFailed, PendingValidation,
        AiProcessing, AiCompleted, AiFailed, Validated, Exported,
    ];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
