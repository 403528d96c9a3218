using System.Text.Json.Serialization;
using Backend.Core.Licensing;

namespace Backend.Core.Products;

/// <summary>One product's share of <c>GET admin/stats</c>: its licenses by type and status, its trials in the period, its machines and their versions.</summary>
public sealed record ProductStats
{
    public string Product { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<LicenseCount> Licenses { get; init; } = [];
    public long TrialsStarted { get; init; }
    public long TrialsConverted { get; init; }
    [JsonPropertyName("machines_seen_30d")] public long MachinesSeen30d { get; init; }

    /// <summary>Machines seen by heartbeat in 30 days, by the version they last reported: each release's adoption.</summary>
    public IReadOnlyList<VersionCount> AppVersions { get; init; } = [];
}
