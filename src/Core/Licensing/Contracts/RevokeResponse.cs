using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record RevokeResponse(string Message, string MachineId, DateTimeOffset RevokedAt, string? RevokedReason)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
