using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Backend.Core.Licensing;

/// <summary>SHA-256 of a license key string: what <see cref="LicenseKeyCheck"/> remembers instead of the key (32 bytes, not ~600).</summary>
internal readonly record struct LicenseKeyDigest(UInt128 First, UInt128 Second)
{
    public static LicenseKeyDigest Of(string licenseKey)
    {
        var length = Encoding.UTF8.GetMaxByteCount(licenseKey.Length);
        Span<byte> utf8 = length <= 4096 ? stackalloc byte[4096] : new byte[length];
        var written = Encoding.UTF8.GetBytes(licenseKey, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        return new(BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
    }
}
