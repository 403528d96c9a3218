using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Security;

/// <summary>
/// API keys are kept and compared as SHA-256 hashes: a memory dump or a logged setting reveals no usable key,
/// and comparing fixed-length hashes in constant time leaks nothing about how much of a guess matched.
/// A plain hash (no salt, no stretching) is right here because keys are long random strings, not passwords.
/// </summary>
public static class ApiKeyHash
{
    public static byte[] Of(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    public static bool TryParseHex(string hex, out byte[] hash)
    {
        hash = [];
        if (hex.Length != 64)
        {
            return false;
        }
        try
        {
            hash = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
