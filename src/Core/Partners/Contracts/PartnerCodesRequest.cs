namespace Backend.Core.Partners;

public sealed record PartnerCodesRequest(string Product, string LicenseType, int? DurationDays, int? Count, DateTimeOffset? ExpiresAt, string? Notes);
