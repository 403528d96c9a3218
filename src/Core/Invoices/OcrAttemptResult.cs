namespace Backend.Core.Invoices;

public enum OcrAttemptStatus
{
    /// <summary>Duplicate, stale or superseded job: the invoice was not in UPLOADED under this job's token.</summary>
    NothingToClaim,
    Completed,
    NeedsValidation,
    RetryScheduled,
    Failed,
    /// <summary>The sweeper took the invoice back while this attempt ran; its result was discarded.</summary>
    ClaimLost,
}

public sealed record OcrAttemptResult(OcrAttemptStatus Status, string? ErrorMessage, OcrStageTimings Timings);

/// <summary>Where an attempt spent its time; read by the benchmark.</summary>
public sealed class OcrStageTimings
{
    public TimeSpan Claim { get; set; }
    public TimeSpan BlobRead { get; set; }
    public TimeSpan Ocr { get; set; }
    public TimeSpan Extraction { get; set; }
    public TimeSpan Encryption { get; set; }
    public TimeSpan Store { get; set; }

    public TimeSpan Total => Claim + BlobRead + Ocr + Extraction + Encryption + Store;
}
