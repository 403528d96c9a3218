using System.Security.Cryptography;

namespace EasyFacture.Licensing;

public sealed partial class LicenseVerifier
{
    /// <summary>
    /// Checks an update answer offline (<c>manifest</c>, <c>signature</c>, <c>key_id</c> of <c>GET /api/v1/updates/{product}</c>)
    /// with the same public keys as licenses. Only a <see cref="ReleaseManifestCheck.Valid"/> result carries the manifest:
    /// nothing of a manifest that fails is to be believed. The caller still checks the product, the version and the
    /// downloaded file (<see cref="ReleaseManifest.IsInstaller"/>).
    /// </summary>
    public ReleaseManifestVerification VerifyReleaseManifest(string? manifest, string? signature, string? keyId)
    {
        if (!ReleaseManifestFormat.TryDecode(manifest, signature, out var json, out var signatureBytes))
        {
            return new(ReleaseManifestCheck.Malformed, null);
        }
        if (keyId is null || !_keys.TryGetValue(keyId, out var key))
        {
            return new(ReleaseManifestCheck.UnknownSigningKey, null);
        }
        bool genuine;
        lock (key)
        {
            genuine = key.VerifyData(json, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        if (!genuine)
        {
            return new(ReleaseManifestCheck.BadSignature, null);
        }
        var parsed = ReleaseManifestFormat.Parse(json);
        return parsed is null ? new(ReleaseManifestCheck.Malformed, null) : new(ReleaseManifestCheck.Valid, parsed);
    }
}
