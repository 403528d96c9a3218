namespace Backend.Core.Licensing;

/// <summary>Values of <c>activations.action_type</c>, the license history.</summary>
public static class LicenseActions
{
    public const string TrialCreated = "trial_created";
    public const string Activated = "activated";
    public const string Validated = "validated";
    public const string Heartbeat = "heartbeat";
    public const string Revoked = "revoked";
}
