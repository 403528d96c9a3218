namespace Backend.Core.Licensing;

public sealed record HeartbeatResponse(string Message, DateTimeOffset LastCheck)
{
    public bool Success => true;
}
