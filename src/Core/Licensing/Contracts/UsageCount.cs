namespace Backend.Core.Licensing;

/// <summary>Licensed machines whose latest heartbeat of the period reported this value (an app version, an OS).</summary>
public sealed record UsageCount(string Value, long Machines);
