using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Partners;

/// <summary>
/// Keys created by admins: <c>efp_&lt;key id&gt;_&lt;secret&gt;</c>, a 12-character public id that finds the row and 32 random
/// bytes (base64url). Only the SHA-256 of the whole key is stored, and it is compared in constant time.
/// </summary>
public static class PartnerApiKey
{
    public const string Prefix = "efp_";
    private const int KeyIdLength = 12;

    public static (string Key, string KeyId, byte[] Hash) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var key = $"{Prefix}{keyId}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        return (key, keyId, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key id of a key in this form; null for anything else (configured keys have any form).</summary>
    public static string? KeyIdOf(string key)
    {
        if (key.Length != Prefix.Length + KeyIdLength + 1 + 43 || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + KeyIdLength] != '_')
        {
            return null;
        }
        var keyId = key.Substring(Prefix.Length, KeyIdLength);
        return keyId.All(char.IsAsciiHexDigitLower) ? keyId : null;
    }
}
