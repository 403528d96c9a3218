using System.Text.Json.Serialization;

namespace Backend.Core.Partners;

public sealed record PartnerCodeListResponse(int Page, int PageSize, long Total, IReadOnlyList<PartnerCode> Codes)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
