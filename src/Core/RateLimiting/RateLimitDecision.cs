namespace Backend.Core.RateLimiting;

public readonly record struct RateLimitDecision(bool Allowed, int RetryAfterSeconds)
{
    public static RateLimitDecision Allow { get; } = new(true, 0);

    public static RateLimitDecision Deny(DateTimeOffset windowEndsAt, DateTimeOffset now) =>
        new(false, Math.Max(1, (int)Math.Ceiling((windowEndsAt - now).TotalSeconds)));
}
