namespace Backend.Core.Licensing;

/// <summary>
/// PostgreSQL keeps microseconds and signed keys keep seconds: times are cut to those precisions where they
/// are made, so what a response says, what the database stores and what the key asserts are the same instant.
/// </summary>
internal static class LicenseClock
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }

    public static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
