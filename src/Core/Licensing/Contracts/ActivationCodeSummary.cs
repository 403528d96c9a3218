namespace Backend.Core.Licensing;

/// <summary>
/// An activation code as the admin console lists it: <c>status</c> is <c>used</c>, <c>expired</c> (unused past its
/// <c>expires_at</c>) or <c>unused</c>; a used code names the license (machine, email) it activated.
/// </summary>
public sealed record ActivationCodeSummary
{
    public string Code { get; init; } = "";
    public string Product { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public int DurationDays { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? CreatedBy { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
    public string? UsedByMachineId { get; init; }
    public string? UsedByEmail { get; init; }
}
