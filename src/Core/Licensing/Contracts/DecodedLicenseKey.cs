namespace Backend.Core.Licensing;

/// <summary>
/// What the license's key asserts, read back with the server's signing keys: <c>signature</c> is
/// <c>valid</c>, or why not (<c>wrong_machine</c>, <c>invalid_signature</c>, <c>unknown_key</c>, <c>malformed</c>).
/// The key itself is not shown: it is the customer's secret.
/// </summary>
public sealed record DecodedLicenseKey(
    string Signature,
    long? LicenseId,
    string? MachineId,
    string? LicenseType,
    string? Product,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ExpiresAt,
    string? KeyId);
