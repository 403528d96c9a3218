namespace EasyFacture.Licensing;

public enum ReleaseManifestCheck
{
    /// <summary>Signed by a known key: the release is the server's.</summary>
    Valid,

    /// <summary>Not a manifest: wrong encoding, not JSON, or missing members.</summary>
    Malformed,

    /// <summary>Signed with a key id this verifier does not know.</summary>
    UnknownSigningKey,

    /// <summary>The signature does not match the manifest: tampered or forged.</summary>
    BadSignature,
}
