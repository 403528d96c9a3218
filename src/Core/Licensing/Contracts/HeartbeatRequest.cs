namespace Backend.Core.Licensing;

public sealed record HeartbeatRequest(string MachineId, string LicenseKey, string? AppVersion, string? OsInfo, string? Product);
