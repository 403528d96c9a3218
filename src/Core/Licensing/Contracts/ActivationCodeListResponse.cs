using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record ActivationCodeListResponse(int Page, int PageSize, long Total, IReadOnlyList<ActivationCodeSummary> Codes)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
