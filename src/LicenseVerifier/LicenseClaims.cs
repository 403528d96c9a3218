using System.Text.Json.Serialization;

namespace EasyFacture.Licensing;

/// <summary>
/// What a license key asserts, signed by the license server. Member names are short because the
/// payload travels inside every key the user copies around.
/// </summary>
public sealed record LicenseClaims
{
    [JsonPropertyName("lid")] public required long LicenseId { get; init; }
    [JsonPropertyName("mid")] public required string MachineId { get; init; }
    [JsonPropertyName("typ")] public required string LicenseType { get; init; }
    [JsonPropertyName("prd")] public required string Product { get; init; }
    [JsonPropertyName("iat")] public required long IssuedAtUnix { get; init; }
    [JsonPropertyName("exp")] public required long ExpiresAtUnix { get; init; }
    [JsonPropertyName("kid")] public required string KeyId { get; init; }

    [JsonIgnore] public DateTimeOffset IssuedAt => DateTimeOffset.FromUnixTimeSeconds(IssuedAtUnix);
    [JsonIgnore] public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnix);
}
