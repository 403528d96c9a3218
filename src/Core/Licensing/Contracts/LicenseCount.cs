namespace Backend.Core.Licensing;

public sealed record LicenseCount(string LicenseType, string Status, long Count);
