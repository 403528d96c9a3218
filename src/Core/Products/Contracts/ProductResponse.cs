using System.Text.Json.Serialization;

namespace Backend.Core.Products;

public sealed record ProductResponse(Product Product)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
