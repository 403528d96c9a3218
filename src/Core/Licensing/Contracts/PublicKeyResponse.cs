using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record PublicKeyResponse(string Algorithm, string CurrentKeyId, IReadOnlyList<PublicKeyEntry> Keys)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
