using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Licensing;

/// <summary>
/// SHA-256 of a license key string (32 bytes, not ~600 characters): what <see cref="LicenseKeyCheck"/> remembers and
/// <see cref="LicenseStateCache"/> holds of each license's current key. Keys are compared by digest, so a lookup's
/// time depends on the hash, never on how many leading characters of a guessed key match.
/// </summary>
public readonly record struct LicenseKeyDigest(UInt128 First, UInt128 Second)
{
    public static LicenseKeyDigest Of(string licenseKey) => Of(licenseKey.AsSpan());

    public static LicenseKeyDigest Of(ReadOnlySpan<char> licenseKey)
    {
        var length = Encoding.UTF8.GetMaxByteCount(licenseKey.Length);
        Span<byte> utf8 = length <= 4096 ? stackalloc byte[4096] : new byte[length];
        var written = Encoding.UTF8.GetBytes(licenseKey, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        return FromHash(hash);
    }

    /// <summary>A SHA-256 already computed (PostgreSQL's <c>sha256(convert_to(license_key, 'UTF8'))</c>).</summary>
    public static LicenseKeyDigest FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"a SHA-256 is {SHA256.HashSizeInBytes} bytes, not {hash.Length}", nameof(hash));
        }
        return new(BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
    }
}
