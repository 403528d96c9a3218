namespace Backend.Core.Licensing;

public sealed record RevokeResponse(string Message, string MachineId, DateTimeOffset RevokedAt, string? RevokedReason)
{
    public bool Success => true;
}
