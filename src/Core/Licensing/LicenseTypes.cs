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

    public static DateTimeOffset ExpiryFrom(string type, DateTimeOffset start, int durationDays) =>
        type == Lifetime ? LifetimeExpiry : LicenseClock.WholeSeconds(start.AddDays(durationDays));
}
