namespace EasyFacture.Licensing;

public enum LicenseCheck
{
    /// <summary>Signed by a known key, for this machine, not expired.</summary>
    Valid,

    /// <summary>Past its expiry but within the grace period the caller allows (e.g. offline for a few days).</summary>
    ValidInGracePeriod,

    /// <summary>Not a license key at all: wrong shape, bad encoding, or missing claims.</summary>
    Malformed,

    /// <summary>Signed with a key id this verifier does not know.</summary>
    UnknownSigningKey,

    /// <summary>Well formed but the signature does not match: tampered or forged.</summary>
    BadSignature,

    /// <summary>Genuine, but issued to another machine.</summary>
    WrongMachine,

    /// <summary>Genuine, for this machine, past its expiry and the grace period.</summary>
    Expired,
}
