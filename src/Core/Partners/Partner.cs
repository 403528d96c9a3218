namespace Backend.Core.Partners;

/// <summary>A reseller: the products whose activation codes it may create, and nothing else.</summary>
public sealed record Partner(string Name, IReadOnlyList<string> Products)
{
    public bool Sells(string product) => Products.Contains(product, StringComparer.Ordinal);
}
