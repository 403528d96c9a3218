namespace Backend.Core.RateLimiting;

/// <summary>At most <see cref="Limit"/> requests per window of <see cref="WindowSeconds"/>, counted from the window's first request.</summary>
public sealed class RateLimitRule
{
    public int Limit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
