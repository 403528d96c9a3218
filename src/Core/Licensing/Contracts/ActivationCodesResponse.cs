using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record ActivationCodesResponse(IReadOnlyList<string> Codes, string LicenseType, int DurationDays, DateTimeOffset? ExpiresAt)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    public string Product { get; init; } = "";
}
