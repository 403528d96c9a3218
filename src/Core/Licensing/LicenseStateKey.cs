namespace Backend.Core.Licensing;

/// <summary>What validate looks a license up by, taken from the signed key's claims.</summary>
public readonly record struct LicenseStateKey(long LicenseId, string MachineId);
