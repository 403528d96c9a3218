namespace Backend.Core.Licensing;

/// <summary>A verification key: <c>public_key</c> is base64 SubjectPublicKeyInfo, <c>public_key_pem</c> the same as PEM.</summary>
public sealed record PublicKeyEntry(string KeyId, string PublicKey, string PublicKeyPem, bool Current);
