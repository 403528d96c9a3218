using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

/// <summary>
/// 200 of validate. <c>valid:true</c> carries the license's state; <c>valid:false</c> carries <c>error</c>
/// (LICENSE_EXPIRED with <c>expired_at</c> and <c>renewal_url</c>, LICENSE_REVOKED with <c>revoked_at</c>,
/// INVALID_LICENSE_KEY, LICENSE_MACHINE_MISMATCH) and <c>message</c>. <c>license_key</c> is present when the
/// presented key was superseded (e.g. a trial key after activation), so the client can store the current one.
/// </summary>
public sealed record ValidationResponse
{
    [JsonPropertyOrder(-1)] public bool Success => true;
    public required bool Valid { get; init; }
    public string? LicenseType { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public int? DaysRemaining { get; init; }
    public bool? IsActive { get; init; }
    public string? CustomerEmail { get; init; }
    public string? LicenseKey { get; init; }
    public string? Error { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public string? RenewalUrl { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
