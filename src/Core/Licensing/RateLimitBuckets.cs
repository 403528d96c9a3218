namespace Backend.Core.Licensing;

public static class RateLimitBuckets
{
    public const string Trial = "trial";
    public const string Activate = "activate";
    public const string Validate = "validate";
    public const string Heartbeat = "heartbeat";
}
