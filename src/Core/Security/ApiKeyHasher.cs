using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Security;

/// <summary>
/// Tenant API keys: 32 random bytes, base64url, with a short readable prefix. Only the SHA-256 is stored;
/// with 256 bits of entropy a slow password hash would add nothing but latency to every request.
/// </summary>
public static class ApiKeyHasher
{
    public const string Prefix = "efk_";

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>What may be shown to identify a key in listings and logs: the prefix and 4 characters.</summary>
    public static string DisplayPrefix(string key) => key.Length > Prefix.Length + 4 ? key[..(Prefix.Length + 4)] : Prefix;

    /// <summary>Cheap shape check so garbage never reaches the database.</summary>
    public static bool LooksValid(string? key) =>
        key is { Length: > 4 and <= 100 } && key.StartsWith(Prefix, StringComparison.Ordinal)
        && key.Skip(Prefix.Length).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
