using System.Security.Cryptography;
using Backend.Core.Licensing;
using EasyFacture.Licensing;
using Microsoft.Extensions.Options;

namespace Backend.Core.Updates;

/// <summary>
/// Signs release manifests with the license signing key (<c>Licensing__SigningPrivateKey</c>), so a client checks
/// updates offline with the keys of <c>GET /api/v1/licenses/public-key</c> it already trusts.
/// </summary>
public sealed class ReleaseManifestSigner : IDisposable
{
    private readonly ECDsa _key;
    private readonly object _signLock = new();

    public ReleaseManifestSigner(IOptions<LicensingSettings> options)
    {
        if (!LicensingSettings.TryLoadSigningKey(options.Value.SigningPrivateKey ?? "", out var key))
        {
            throw new InvalidOperationException("Licensing__SigningPrivateKey is not a usable ECDSA P-256 key.");
        }
        _key = key!;
        KeyId = LicenseKeyFormat.KeyIdOf(_key);
    }

    public string KeyId { get; }

    public (string Manifest, string Signature) Sign(ReleaseManifest manifest)
    {
        lock (_signLock)
        {
            return ReleaseManifestFormat.Encode(manifest, _key);
        }
    }

    public void Dispose() => _key.Dispose();
}
