namespace Backend.Core.Accounting.Analysis;

public enum AnalysisAttemptStatus
{
    NothingToClaim,

    /// <summary>Another delivery holds the invoice; a delayed copy of the job was queued to take over if it died.</summary>
    Busy,
    Completed,
    Failed,
    RetryScheduled,
    ClaimLost,
}
