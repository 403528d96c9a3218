using System.Text.Json.Serialization;

namespace Backend.Core.Updates;

public sealed record ReleaseResponse(Release Release)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
