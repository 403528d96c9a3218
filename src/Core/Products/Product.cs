namespace Backend.Core.Products;

/// <summary>A product of the catalog: its licenses, trials, activation codes and releases are its own.</summary>
public sealed record Product
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int TrialDays { get; init; }
    public string[] LicenseTypes { get; init; } = [];
    public string? RenewalUrl { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
