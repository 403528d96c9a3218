using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record LicenseSearchResponse(int Page, int PageSize, long Total, IReadOnlyList<LicenseSummary> Licenses)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
