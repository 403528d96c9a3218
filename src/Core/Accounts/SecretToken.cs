using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Accounts;

/// <summary>
/// Refresh and password-setup tokens: 256 CSPRNG bits, base64url behind a readable prefix. Only their SHA-256 is
/// stored: with 256 bits of entropy a slow hash would add nothing, and a leaked table opens no session.
/// </summary>
public static class SecretToken
{
    public const string RefreshPrefix = "efr_";
    public const string SetupPrefix = "efs_";

    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Cheap shape check so garbage never reaches the database: prefix + 43 base64url characters.</summary>
    public static bool LooksValid(string? token, string prefix) =>
        token is { Length: 47 } && token.StartsWith(prefix, StringComparison.Ordinal)
        && token.Skip(prefix.Length).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
