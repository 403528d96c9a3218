using System.Text.Json.Serialization;

namespace Backend.Core.Products;

public sealed record ProductListResponse(IReadOnlyList<Product> Products)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
