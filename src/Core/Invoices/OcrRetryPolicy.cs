namespace Backend.Core.Invoices;

/// <summary>The seed's ladder: three attempts; between them an exponential backoff.</summary>
public static class OcrRetryPolicy
{
    public const int MaxAttempts = 3;

    /// <summary>Delay before the next attempt once <paramref name="failedAttempts"/> have failed.</summary>
    public static TimeSpan DelayAfter(int failedAttempts, TimeSpan baseDelay) =>
        TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 10)));

    /// <summary>Whether the attempt that just failed was the last one allowed.</summary>
    public static bool IsFinal(int failedAttempts, bool permanent) => permanent || failedAttempts >= MaxAttempts;
}
