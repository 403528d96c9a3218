namespace Backend.Core.Licensing;

public static class LicenseTypes
{
    public const string Trial = "trial";
    public const string Monthly = "monthly";
    public const string Annual = "annual";
    public const string Lifetime = "lifetime";

    public static readonly IReadOnlyList<string> All = [Trial, Monthly, Annual, Lifetime];

    /// <summary>Lifetime licenses still need an expiry in the schema and the signed payload: the last second of 9999.</summary>
    public static readonly DateTimeOffset LifetimeExpiry = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static bool IsKnown(string? type) => type is Trial or Monthly or Annual or Lifetime;

    /// <summary>
    /// The last second (23:59:59Z) of the license's last UTC day, as in the seed: a license of N days starting today
    /// runs through today + N - 1, so <c>days_remaining</c> (whole days, rounded up) is N at issue. Started from an
    /// earlier expiry (an early renewal), the first day is the day after it. Keys signed before this rule, with
    /// expiries at any second, are unaffected: validation compares instants, never the time of day.
    /// </summary>
    public static DateTimeOffset ExpiryFrom(string type, DateTimeOffset start, int durationDays)
    {
        if (type == Lifetime)
        {
            return LifetimeExpiry;
        }
        // One second later: an expiry at 23:59:59 starts the next day, any other instant starts its own day.
        var firstDay = DateOnly.FromDateTime(start.UtcDateTime.AddSeconds(1));
        var lastDay = firstDay.AddDays(Math.Max(durationDays, 1) - 1);
        return new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
    }
}
