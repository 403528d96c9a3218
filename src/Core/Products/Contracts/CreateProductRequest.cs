namespace Backend.Core.Products;

public sealed record CreateProductRequest(string Code, string Name, int? TrialDays, IReadOnlyList<string>? LicenseTypes, string? RenewalUrl);
