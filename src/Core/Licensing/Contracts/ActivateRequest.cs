namespace Backend.Core.Licensing;

public sealed record ActivateRequest(string MachineId, string ActivationCode, string Email, string? Product);
