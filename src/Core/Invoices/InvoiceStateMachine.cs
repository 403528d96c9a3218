namespace Backend.Core.Invoices;

/// <summary>
/// The only place that decides which status changes are legal (seed 003 and ARCHITECTURE §5):
/// UPLOADED → OCR_PROCESSING → OCR_COMPLETED | PENDING_VALIDATION | OCR_FAILED (or back to UPLOADED to retry);
/// OCR_COMPLETED → AI_PROCESSING → AI_COMPLETED | AI_FAILED; → VALIDATED (user) → EXPORTED.
/// </summary>
public static class InvoiceStateMachine
{
    /// <summary>An OCR job takes the invoice; only one delivery can win.</summary>
    public static InvoiceTransition Claim { get; } = new(nameof(Claim), [InvoiceStatus.Uploaded], InvoiceStatus.OcrProcessing);

    /// <summary>OCR confident enough (≥ 0.70 overall and every key field at or above its own threshold, see KeyFieldReview): AI analysis is chained.</summary>
    public static InvoiceTransition OcrSucceeded { get; } = new(nameof(OcrSucceeded), [InvoiceStatus.OcrProcessing], InvoiceStatus.OcrCompleted);

    /// <summary>OCR read the document but not confidently: a person must check it.</summary>
    public static InvoiceTransition OcrNeedsValidation { get; } = new(nameof(OcrNeedsValidation), [InvoiceStatus.OcrProcessing], InvoiceStatus.PendingValidation);

    /// <summary>An attempt failed and attempts remain: back in line with a delayed job.</summary>
    public static InvoiceTransition OcrRetryLater { get; } = new(nameof(OcrRetryLater), [InvoiceStatus.OcrProcessing], InvoiceStatus.Uploaded);

    /// <summary>The last allowed attempt failed, or the document can never be read.</summary>
    public static InvoiceTransition OcrGaveUp { get; } = new(nameof(OcrGaveUp), [InvoiceStatus.OcrProcessing], InvoiceStatus.OcrFailed);

    /// <summary>The user asks for OCR again. Refused while OCR runs and once the invoice is validated or exported (seed).</summary>
    public static InvoiceTransition ManualRetry { get; } = new(nameof(ManualRetry),
        [InvoiceStatus.Uploaded, InvoiceStatus.OcrCompleted, InvoiceStatus.OcrFailed, InvoiceStatus.PendingValidation,
         InvoiceStatus.AiProcessing, InvoiceStatus.AiCompleted, InvoiceStatus.AiFailed],
        InvoiceStatus.Uploaded);

    /// <summary>The AI-analysis job takes an invoice whose OCR was confident (or retries a failed analysis).</summary>
    public static InvoiceTransition AiStarted { get; } = new(nameof(AiStarted), [InvoiceStatus.OcrCompleted, InvoiceStatus.AiFailed], InvoiceStatus.AiProcessing);

    public static InvoiceTransition AiSucceeded { get; } = new(nameof(AiSucceeded), [InvoiceStatus.AiProcessing], InvoiceStatus.AiCompleted);

    public static InvoiceTransition AiFailedTransition { get; } = new("AiFailed", [InvoiceStatus.AiProcessing], InvoiceStatus.AiFailed);

    /// <summary>The user corrects and confirms the fields (PATCH).</summary>
    public static InvoiceTransition Validate { get; } = new(nameof(Validate),
        [InvoiceStatus.OcrCompleted, InvoiceStatus.PendingValidation, InvoiceStatus.AiCompleted],
        InvoiceStatus.Validated);

    /// <summary>A Sage/FEC export included the invoice.</summary>
    public static InvoiceTransition Export { get; } = new(nameof(Export), [InvoiceStatus.Validated], InvoiceStatus.Exported);

    public static IReadOnlyList<InvoiceTransition> All { get; } =
    [
        Claim, OcrSucceeded, OcrNeedsValidation, OcrRetryLater, OcrGaveUp, ManualRetry,
        AiStarted, AiSucceeded, AiFailedTransition, Validate, Export,
    ];

    /// <summary>Whether any transition leads from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(string from, string to) =>
        All.Any(t => t.To == to && t.AllowsFrom(from));

    /// <exception cref="InvalidInvoiceTransitionException">The transition does not start from <paramref name="current"/>.</exception>
    public static void EnsureAllowed(InvoiceTransition transition, string current)
    {
        if (!transition.AllowsFrom(current))
        {
            throw new InvalidInvoiceTransitionException(transition, current);
        }
    }
}
