using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace EasyFacture.Licensing;

/// <summary>
/// The wire form of a release manifest: <c>manifest</c> = base64url of its JSON, <c>signature</c> = base64url of the
/// ECDSA P-256 signature (IEEE P1363, 64 bytes, SHA-256) over those JSON bytes, <c>key_id</c> = the signing key's id
/// (as in license keys). A license key's signature covers <c>EF1.…</c>, never a JSON object, so neither can pass for the other.
/// </summary>
public static class ReleaseManifestFormat
{
    public const int MaxManifestLength = 16 * 1024;

    public static (string Manifest, string Signature) Encode(ReleaseManifest manifest, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest);
        var signature = signingKey.SignData(json, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (Base64Url.EncodeToString(json), Base64Url.EncodeToString(signature));
    }

    internal static bool TryDecode(string? manifest, string? signature, out byte[] json, out byte[] signatureBytes)
    {
        json = [];
        signatureBytes = [];
        if (string.IsNullOrEmpty(manifest) || string.IsNullOrEmpty(signature) || manifest.Length > MaxManifestLength || signature.Length > 200)
        {
            return false;
        }
        try
        {
            json = Base64Url.DecodeFromChars(manifest.Trim());
            signatureBytes = Base64Url.DecodeFromChars(signature.Trim());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static ReleaseManifest? Parse(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ReleaseManifest>(json);
            return manifest is { Product: not null, Channel: not null, Version: not null, Url: not null, Sha256.Length: 64 }
                   && manifest.Sha256.All(Uri.IsHexDigit) ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
