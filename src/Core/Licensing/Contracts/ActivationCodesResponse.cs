namespace Backend.Core.Licensing;

public sealed record ActivationCodesResponse(IReadOnlyList<string> Codes, string LicenseType, int DurationDays, DateTimeOffset? ExpiresAt)
{
    public bool Success => true;
}
