using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

/// <summary>
/// A license, its decoded key, its latest <see cref="LicenseDetailHandler.HistoryLimit"/> history rows (newest first)
/// and how many rows of each action it has in all (validations pile up: 100 per hour per machine at most).
/// </summary>
public sealed record LicenseDetailResponse(
    LicenseSummary License,
    string? OsInfo,
    DecodedLicenseKey Key,
    IReadOnlyList<LicenseEvent> History,
    IReadOnlyDictionary<string, long> HistoryCounts)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    /// <summary>Every product this machine holds a license of (one license per product), to open the others.</summary>
    public IReadOnlyList<string> MachineProducts { get; init; } = [];
}
