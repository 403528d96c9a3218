namespace Backend.Core.Updates;

public sealed record PublishReleaseRequest(string Product, string? Channel, string Version, string Url, string Sha256, long Size,
    string? Notes, string? MinVersion, int? RolloutPercent);
