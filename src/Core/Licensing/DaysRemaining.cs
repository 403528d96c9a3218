namespace Backend.Core.Licensing;

public static class DaysRemaining
{
    /// <summary>Whole days left, rounded up, never negative: a license expiring in 3 h still has 1 day.</summary>
    public static int Until(DateTimeOffset expiresAt, DateTimeOffset now) =>
        expiresAt <= now ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling((expiresAt - now).TotalDays));
}
