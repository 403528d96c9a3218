using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using EasyFacture.Licensing;

namespace Backend.Tests.Updates;

/// <summary>The client's offline check of update manifests (no server involved): anything altered fails.</summary>
public sealed class ReleaseManifestVerifierTests : IDisposable
{
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly LicenseVerifier _verifier;
    private readonly ReleaseManifest _release = new()
    {
        Product = "easyfacture", Channel = "stable", Version = "1.7.0", Url = "https://telechargement.exemple.fr/easyfacture-1.7.0.msi",
        Sha256 = new string('a', 64), Size = 1234, Notes = "Corrections", MinVersion = "1.5.0",
    };

    public ReleaseManifestVerifierTests() => _verifier = new LicenseVerifier([_signer.ExportSubjectPublicKeyInfoPem()]);

    public void Dispose()
    {
        _verifier.Dispose();
        _signer.Dispose();
    }

    private string KeyId => LicenseKeyFormat.KeyIdOf(_signer);

    [Fact]
    public void A_genuine_manifest_verifies_and_reads_back()
    {
        var (manifest, signature) = ReleaseManifestFormat.Encode(_release, _signer);

        var check = _verifier.VerifyReleaseManifest(manifest, signature, KeyId);

        Assert.Equal(ReleaseManifestCheck.Valid, check.Result);
        Assert.Equal(_release, check.Manifest);
    }

    [Fact]
    public void A_tampered_manifest_or_signature_fails_at_every_character()
    {
        var (manifest, signature) = ReleaseManifestFormat.Encode(_release, _signer);
        for (var i = 0; i < manifest.Length; i++)
        {
            var tampered = manifest[..i] + (manifest[i] == 'A' ? 'B' : 'A') + manifest[(i + 1)..];
            var check = _verifier.VerifyReleaseManifest(tampered, signature, KeyId);
            Assert.NotEqual(ReleaseManifestCheck.Valid, check.Result);
            Assert.Null(check.Manifest);
        }
        for (var i = 0; i < signature.Length; i++)
        {
            var tampered = signature[..i] + (signature[i] == 'A' ? 'B' : 'A') + signature[(i + 1)..];
            Assert.NotEqual(ReleaseManifestCheck.Valid, _verifier.VerifyReleaseManifest(manifest, tampered, KeyId).Result);
        }
    }

    [Fact]
    public void A_rewritten_url_with_a_reused_signature_another_key_or_an_unknown_key_id_fails()
    {
        var (manifest, signature) = ReleaseManifestFormat.Encode(_release, _signer);
        var evil = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(manifest))
            .Replace("telechargement.exemple.fr", "pirate.exemple.fr", StringComparison.Ordinal)));
        Assert.Equal(ReleaseManifestCheck.BadSignature, _verifier.VerifyReleaseManifest(evil, signature, KeyId).Result);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (forged, forgedSignature) = ReleaseManifestFormat.Encode(_release with { Url = "https://pirate.exemple.fr/x.msi" }, other);
        Assert.Equal(ReleaseManifestCheck.BadSignature, _verifier.VerifyReleaseManifest(forged, forgedSignature, KeyId).Result);
        Assert.Equal(ReleaseManifestCheck.UnknownSigningKey, _verifier.VerifyReleaseManifest(forged, forgedSignature, LicenseKeyFormat.KeyIdOf(other)).Result);
        Assert.Equal(ReleaseManifestCheck.UnknownSigningKey, _verifier.VerifyReleaseManifest(manifest, signature, null).Result);
        Assert.Equal(ReleaseManifestCheck.Malformed, _verifier.VerifyReleaseManifest("pas du base64url !", signature, KeyId).Result);
        Assert.Equal(ReleaseManifestCheck.Malformed, _verifier.VerifyReleaseManifest(null, null, KeyId).Result);
    }

    [Fact]
    public void A_license_key_signature_never_passes_for_a_manifest()
    {
        var key = LicenseKeyFormat.Encode(new LicenseClaims
        {
            LicenseId = 1, MachineId = new string('0', 32), LicenseType = "lifetime", Product = "easyfacture",
            IssuedAtUnix = 0, ExpiresAtUnix = 1, KeyId = KeyId,
        }, _signer);
        var parts = key.Split('.');

        Assert.NotEqual(ReleaseManifestCheck.Valid, _verifier.VerifyReleaseManifest(parts[1], parts[2], KeyId).Result);
        Assert.NotEqual(ReleaseManifestCheck.Valid, _verifier.VerifyReleaseManifest(Base64Url.EncodeToString(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])), parts[2], KeyId).Result);
    }
}
