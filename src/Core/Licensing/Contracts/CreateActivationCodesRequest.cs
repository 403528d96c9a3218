namespace Backend.Core.Licensing;

public sealed record CreateActivationCodesRequest(string LicenseType, int? DurationDays, int? Count, DateTimeOffset? ExpiresAt, string? Notes);
