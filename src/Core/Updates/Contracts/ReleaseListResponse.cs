using System.Text.Json.Serialization;

namespace Backend.Core.Updates;

public sealed record ReleaseListResponse(IReadOnlyList<Release> Releases)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
