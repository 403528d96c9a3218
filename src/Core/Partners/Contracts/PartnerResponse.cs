using System.Text.Json.Serialization;

namespace Backend.Core.Partners;

public sealed record PartnerResponse(PartnerSummary Partner)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
