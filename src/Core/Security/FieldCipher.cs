using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Backend.Core.Security;

/// <summary>
/// AES-256-GCM for sensitive columns. An envelope is
/// <c>version(1) | keyIdLength(1) | keyId | nonce(12) | tag(16) | ciphertext</c>, so it names the key that
/// sealed it and old data keeps opening after a rotation. The caller's context (e.g. <c>invoices.ocr_text:{id}</c>)
/// is bound as associated data: an envelope copied to another row or column does not open.
/// </summary>
public sealed class FieldCipher
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public FieldCipher(IOptions<EncryptionSettings> options)
    {
        var settings = options.Value;
        _keys = settings.Keys.ToDictionary(k => k.Key, k => TryDecodeKey(k.Value) ?? throw new InvalidOperationException(
            $"Setting 'Encryption__Keys__{k.Key}' is not a 32-byte base64 key."), StringComparer.Ordinal);
        _activeKeyId = settings.ActiveKeyId;
        if (!_keys.ContainsKey(_activeKeyId))
        {
            throw new InvalidOperationException("Setting 'Encryption__ActiveKeyId' names no configured key.");
        }
    }

    public string ActiveKeyId => _activeKeyId;

    public byte[] Encrypt(string plaintext, string context)
    {
        var keyId = Encoding.ASCII.GetBytes(_activeKeyId);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var header = 2 + keyId.Length;
        var envelope = new byte[header + NonceSize + TagSize + data.Length];
        envelope[0] = Version;
        envelope[1] = (byte)keyId.Length;
        keyId.CopyTo(envelope, 2);
        var nonce = envelope.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, data, envelope.AsSpan(header + NonceSize + TagSize), envelope.AsSpan(header + NonceSize, TagSize),
            AssociatedData(envelope.AsSpan(0, header), context));
        return envelope;
    }

    /// <exception cref="FieldDecryptionException">Unknown key id, malformed envelope, or tampered/mismatched data.</exception>
    public string Decrypt(byte[] envelope, string context)
    {
        if (envelope.Length < 2 || envelope[0] != Version)
        {
            throw new FieldDecryptionException("format de données chiffrées inconnu");
        }
        var keyIdLength = envelope[1];
        var header = 2 + keyIdLength;
        if (envelope.Length < header + NonceSize + TagSize)
        {
            throw new FieldDecryptionException("données chiffrées tronquées");
        }
        var keyId = Encoding.ASCII.GetString(envelope, 2, keyIdLength);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new FieldDecryptionException($"clé de chiffrement '{(IsValidKeyId(keyId) ? keyId : "?")}' absente de la configuration");
        }
        var plaintext = new byte[envelope.Length - header - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(envelope.AsSpan(header, NonceSize), envelope.AsSpan(header + NonceSize + TagSize),
                envelope.AsSpan(header + NonceSize, TagSize), plaintext, AssociatedData(envelope.AsSpan(0, header), context));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FieldDecryptionException($"échec d'authentification avec la clé '{keyId}' (clé modifiée ou données altérées)");
        }
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// A 32-byte key for another purpose (e.g. signing links), derived with HKDF-SHA256 from the key
    /// <paramref name="keyId"/>: the same configured secret serves without ever being used twice for different things.
    /// </summary>
    /// <returns>null when no key has that id.</returns>
    public byte[]? DeriveKey(string keyId, string purpose) =>
        _keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose))
            : null;

    public static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static byte[]? TryDecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }
        var buffer = new byte[32];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32 ? buffer : null;
    }

    // The header is authenticated too, so the key id cannot be swapped.
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string context)
    {
        var contextBytes = Encoding.UTF8.GetBytes(context);
        var aad = new byte[4 + header.Length + contextBytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(aad, header.Length);
        header.CopyTo(aad.AsSpan(4));
        contextBytes.CopyTo(aad.AsSpan(4 + header.Length));
        return aad;
    }
}
