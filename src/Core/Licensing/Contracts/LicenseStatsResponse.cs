using System.Text.Json.Serialization;

namespace Backend.Core.Licensing;

public sealed record LicenseStatsResponse(
    DateTimeOffset Since,
    IReadOnlyList<LicenseCount> Licenses,
    IReadOnlyList<TrialDay> TrialsPerDay,
    MachinesSeen MachinesSeen,
    IReadOnlyList<DayCount> ValidationsPerDay,
    IReadOnlyList<DayCount> FailedLoginsPerDay)
{
    [JsonPropertyOrder(-1)] public bool Success => true;

    /// <summary>Each product of the catalog: its licenses, trials, machines and the versions they run.</summary>
    public IReadOnlyList<Backend.Core.Products.ProductStats> Products { get; init; } = [];
}
