using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record HeartbeatResponse(string Message, DateTimeOffset LastCheck)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
