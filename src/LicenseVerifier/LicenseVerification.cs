namespace EasyFacture.Licensing;

/// <summary>The outcome of an offline check; <see cref="Claims"/> is set whenever the signature was genuine.</summary>
public sealed record LicenseVerification(LicenseCheck Result, LicenseClaims? Claims)
{
    public bool IsUsable => Result is LicenseCheck.Valid or LicenseCheck.ValidInGracePeriod;
}
