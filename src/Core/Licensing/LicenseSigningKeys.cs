using System.Security.Cryptography;
using EasyFacture.Licensing;
using Microsoft.Extensions.Options;

namespace Backend.Core.Licensing;

/// <summary>
/// The key that signs new licenses plus every public key still trusted. Rotation: configure a new
/// private key and move the old public key to <c>Licensing__RetiredPublicKeys</c>; keys carry their key id,
/// so licenses signed before the rotation keep verifying.
/// </summary>
public sealed class LicenseSigningKeys : IDisposable
{
    private readonly ECDsa _signingKey;
    private readonly object _signLock = new();

    public LicenseSigningKeys(IOptions<LicensingSettings> options)
    {
        var settings = options.Value;
        if (!LicensingSettings.TryLoadSigningKey(settings.SigningPrivateKey ?? "", out var key))
        {
            throw new InvalidOperationException("Licensing__SigningPrivateKey is not a usable ECDSA P-256 key.");
        }
        _signingKey = key!;
        var current = Convert.ToBase64String(_signingKey.ExportSubjectPublicKeyInfo());
        CurrentKeyId = LicenseKeyFormat.KeyIdOf(_signingKey);
        PublicKeys = new[] { current }
            .Concat(LicensingSettings.Split(settings.RetiredPublicKeys))
            .Distinct(StringComparer.Ordinal)
            .Select(k => new PublicSigningKey(LicenseKeyFormat.KeyIdOf(Convert.FromBase64String(k)), k, k == current))
            .ToList();
        Verifier = new LicenseVerifier(PublicKeys.Select(k => k.SubjectPublicKeyInfo));
    }

    public string CurrentKeyId { get; }

    public IReadOnlyList<PublicSigningKey> PublicKeys { get; }

    public LicenseVerifier Verifier { get; }

    public string Sign(LicenseClaims claims)
    {
        lock (_signLock)
        {
            return LicenseKeyFormat.Encode(claims with { KeyId = CurrentKeyId }, _signingKey);
        }
    }

    public void Dispose()
    {
        _signingKey.Dispose();
        Verifier.Dispose();
    }
}
