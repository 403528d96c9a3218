namespace Backend.Core.Products;

/// <summary>Every member optional; an empty <c>renewal_url</c> clears it (the default renewal URL applies again).</summary>
public sealed record UpdateProductRequest(string? Name, int? TrialDays, IReadOnlyList<string>? LicenseTypes, string? RenewalUrl);
