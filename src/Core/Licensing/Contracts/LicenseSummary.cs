namespace Backend.Core.Licensing;

/// <summary>A license as the admin search and CSV export show it (never its key).</summary>
public sealed record LicenseSummary
{
    public long Id { get; init; }
    public string MachineId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Product { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? TrialStartedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? LastValidatedAt { get; init; }
    public DateTimeOffset? LastHeartbeatAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }
    public string? AppVersion { get; init; }
    public string? ActivationCode { get; init; }
}
