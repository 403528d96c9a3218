using System.Text.Json.Serialization;

namespace Backend.Core.Accounts;

public sealed record SuccessResponse(string Message)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
