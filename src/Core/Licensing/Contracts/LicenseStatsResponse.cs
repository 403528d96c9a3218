using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

/// <summary>
/// The admin console's charts read nothing else: every figure it shows is one of these, over the last <c>days</c>
/// days (UTC) from <c>since</c>, except <c>licenses</c> (all of them, now) and <c>machines_seen</c> (fixed windows).
/// </summary>
public sealed record LicenseStatsResponse(
    DateTimeOffset Since,
    IReadOnlyList<LicenseCount> Licenses,
    IReadOnlyList<TrialDay> TrialsPerDay,
    MachinesSeen MachinesSeen,
    IReadOnlyList<DayCount> ValidationsPerDay,
    IReadOnlyList<DayCount> FailedLoginsPerDay,
    int Days,
    IReadOnlyList<TrialWeek> TrialsPerWeek,
    IReadOnlyList<DayCount> RevocationsPerDay,
    IReadOnlyList<UsageCount> AppVersions,
    IReadOnlyList<UsageCount> OperatingSystems)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    /// <summary>Each product of the catalog: its licenses, trials, machines and the versions they run.</summary>
    public IReadOnlyList<Backend.Core.Products.ProductStats> Products { get; init; } = [];
}
