namespace Backend.Core.Accounts;

public enum RefreshOutcomeKind
{
    Rotated,
    ReuseDetected,
    Refused,
}
