using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EasyFacture.Licensing;

/// <summary>
/// The wire form of a license key: <c>EF1.&lt;base64url(payload JSON)&gt;.&lt;base64url(ECDSA P-256 signature)&gt;</c>.
/// The signature (IEEE P1363, 64 bytes, SHA-256) covers the ASCII bytes of <c>EF1.&lt;payload&gt;</c>, so the
/// version prefix cannot be swapped. Key ids are the first 8 bytes of SHA-256 over the public key's
/// SubjectPublicKeyInfo, in hex: stable, derived, impossible to mislabel.
/// </summary>
public static class LicenseKeyFormat
{
    public const string Prefix = "EF1";
    public const int MaxKeyLength = 1024;

    public static string KeyIdOf(ECDsa key) => KeyIdOf(key.ExportSubjectPublicKeyInfo());

    public static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)[..8]);

    public static string Encode(LicenseClaims claims, ECDsa signingKey)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signed = Prefix + "." + payload;
        var signature = signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Splits and decodes a key without trusting it; the signature is checked by the caller.</summary>
    internal static bool TryDecode(string? licenseKey, out LicenseClaims? claims, out byte[] signedBytes, out byte[] signature)
    {
        claims = null;
        signedBytes = [];
        signature = [];
        if (string.IsNullOrEmpty(licenseKey) || licenseKey.Length > MaxKeyLength)
        {
            return false;
        }
        var parts = licenseKey.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Prefix)
        {
            return false;
        }
        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            signature = Base64Url.DecodeFromChars(parts[2]);
            claims = JsonSerializer.Deserialize<LicenseClaims>(payload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
        if (claims is null || claims.MachineId is null || claims.KeyId is null || claims.LicenseType is null || claims.Product is null)
        {
            return false;
        }
        signedBytes = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        return true;
    }
}
