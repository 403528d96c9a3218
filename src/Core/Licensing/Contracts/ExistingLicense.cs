namespace Backend.Core.Licensing;

/// <summary>The <c>existing_license</c> member of a 409 TRIAL_ALREADY_EXISTS.</summary>
public sealed record ExistingLicense(string LicenseType, DateTimeOffset ExpiresAt, int DaysRemaining);
