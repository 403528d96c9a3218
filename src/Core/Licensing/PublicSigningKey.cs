namespace Backend.Core.Licensing;

public sealed record PublicSigningKey(string KeyId, string SubjectPublicKeyInfo, bool Current);
