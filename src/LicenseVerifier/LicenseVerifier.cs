using System.Security.Cryptography;

namespace EasyFacture.Licensing;

/// <summary>
/// Verifies license keys offline with the server's public key(s) (from <c>GET /api/v1/licenses/public-key</c>).
/// Several keys may be trusted at once so licenses signed before a key rotation stay valid.
/// Thread-safe; create it once.
/// </summary>
public sealed partial class LicenseVerifier : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);

    /// <param name="publicKeys">SubjectPublicKeyInfo keys, as PEM or base64 DER.</param>
    public LicenseVerifier(IEnumerable<string> publicKeys)
    {
        foreach (var text in publicKeys)
        {
            var key = ECDsa.Create();
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                key.ImportFromPem(trimmed);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(trimmed), out _);
            }
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new ArgumentException("License keys are verified with ECDSA P-256 public keys only.", nameof(publicKeys));
            }
            _keys[LicenseKeyFormat.KeyIdOf(key)] = key;
        }
    }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Signature and machine only; expiry is left to whoever holds the authoritative state.</summary>
    public LicenseVerification VerifySignature(string? licenseKey, string machineId)
    {
        if (!LicenseKeyFormat.TryDecode(licenseKey, out var claims, out var signed, out var signature))
        {
            return new(LicenseCheck.Malformed, null);
        }
        if (!_keys.TryGetValue(claims!.KeyId, out var key))
        {
            return new(LicenseCheck.UnknownSigningKey, null);
        }
        bool genuine;
        lock (key)
        {
            // ECDsa instances are not documented as thread-safe.
            genuine = key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        if (!genuine)
        {
            return new(LicenseCheck.BadSignature, null);
        }
        if (!string.Equals(claims.MachineId, machineId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new(LicenseCheck.WrongMachine, claims);
        }
        return new(LicenseCheck.Valid, claims);
    }

    /// <summary>The desktop client's offline check: signature, machine, and expiry with a grace period.</summary>
    public LicenseVerification Verify(string? licenseKey, string machineId, DateTimeOffset now, TimeSpan gracePeriod)
    {
        var result = VerifySignature(licenseKey, machineId);
        if (result.Result != LicenseCheck.Valid)
        {
            return result;
        }
        var expiresAt = result.Claims!.ExpiresAt;
        if (now <= expiresAt)
        {
            return result;
        }
        return now <= expiresAt + gracePeriod
            ? result with { Result = LicenseCheck.ValidInGracePeriod }
            : result with { Result = LicenseCheck.Expired };
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
