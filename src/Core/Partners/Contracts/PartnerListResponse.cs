using System.Text.Json.Serialization;

namespace Backend.Core.Partners;

public sealed record PartnerListResponse(IReadOnlyList<PartnerSummary> Partners)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
