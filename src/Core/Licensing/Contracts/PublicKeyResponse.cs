namespace Backend.Core.Licensing;

public sealed record PublicKeyResponse(string Algorithm, string CurrentKeyId, IReadOnlyList<PublicKeyEntry> Keys)
{
    public bool Success => true;
}
