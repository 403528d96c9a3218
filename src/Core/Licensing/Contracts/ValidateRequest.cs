namespace Backend.Core.Licensing;

public sealed record ValidateRequest(string MachineId, string LicenseKey, string? Product);
