namespace Backend.Core.Updates;

public sealed record UpdateRolloutRequest(int RolloutPercent);
