using System.Text.Json.Serialization;

namespace Backend.Core.Partners;

/// <summary>The reseller and its key, shown this once (only its SHA-256 is kept).</summary>
public sealed record CreatePartnerResponse(PartnerSummary Partner, string ApiKey)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
