namespace Backend.Core.Licensing;

/// <summary>One row of a license's history: trial_created, activated, validated, heartbeat or revoked.</summary>
public sealed record LicenseEvent(string ActionType, DateTimeOffset CreatedAt, string? IpAddress, string? AppVersion, string? OsInfo, string? UserAgent);
