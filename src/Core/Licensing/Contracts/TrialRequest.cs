namespace Backend.Core.Licensing;

/// <summary>Body of <c>POST licenses/trial</c> (documents the contract; handlers read bodies field by field).</summary>
public sealed record TrialRequest(string MachineId, string Email, string? Product, string? Version);
