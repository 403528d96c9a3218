namespace Backend.Core.Licensing;

/// <summary>What validate needs to know about a license, read fresh for every request.</summary>
public sealed record LicenseState
{
    public long Id { get; init; }
    public string MachineId { get; init; } = "";
    public string Email { get; init; } = "";
    public string LicenseKey { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public DateTimeOffset ExpiresAt { get; init; }
    public bool IsRevoked { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
