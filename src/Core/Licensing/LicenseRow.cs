namespace Backend.Core.Licensing;

/// <summary>The columns of <c>licenses</c> the handlers decide on.</summary>
internal sealed record LicenseRow
{
    public const string Columns = "id, machine_id, email, product, license_key, license_type, created_at, trial_started_at, activated_at, expires_at, is_revoked, revoked_at, revoked_reason";

    public long Id { get; init; }
    public string MachineId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Product { get; init; } = "";
    public string LicenseKey { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? TrialStartedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool IsRevoked { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }
}
