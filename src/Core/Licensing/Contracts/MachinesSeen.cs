namespace Backend.Core.Licensing;

/// <summary>Distinct licensed machines that sent a heartbeat in the last 24 h / 7 days / 30 days.</summary>
public sealed record MachinesSeen(long Last24h, long Last7d, long Last30d);
