namespace Backend.Core.Partners;

/// <summary>A code a reseller created and whether it was used: never which machine or customer used it.</summary>
public sealed record PartnerCode
{
    public string Code { get; init; } = "";
    public string Product { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public int DurationDays { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? Notes { get; init; }
    public bool IsUsed { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
}
