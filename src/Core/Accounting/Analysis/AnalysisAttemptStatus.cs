namespace Backend.Core.Accounting.Analysis;

public enum AnalysisAttemptStatus
{
    NothingToClaim,
    Completed,
    Failed,
    RetryScheduled,
    ClaimLost,
}
