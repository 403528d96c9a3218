namespace Backend.Core.Updates;

/// <summary>
/// A published release of a product on a channel; <see cref="Machines"/> is its adoption (licensed machines that last
/// reported it, heartbeat within 30 days), <see cref="ProductMachines"/> the product's machines heard from in that window.
/// </summary>
public sealed record Release
{
    public long Id { get; init; }
    public string Product { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Version { get; init; } = "";
    public string Url { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }
    public string? Notes { get; init; }
    public string? MinVersion { get; init; }
    public int RolloutPercent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public long Machines { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("machines_7d")] public long Machines7d { get; init; }
    public long ProductMachines { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("product_machines_7d")] public long ProductMachines7d { get; init; }
}
