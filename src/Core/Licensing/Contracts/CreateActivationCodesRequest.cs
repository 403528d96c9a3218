namespace Backend.Core.Licensing;

public sealed record CreateActivationCodesRequest(string? Product, string LicenseType, int? DurationDays, int? Count, DateTimeOffset? ExpiresAt, string? Notes);
