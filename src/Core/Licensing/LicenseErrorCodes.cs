namespace Backend.Core.Licensing;

/// <summary>The seed's license error codes, plus the ones this implementation needs (documented in the README).</summary>
public static class LicenseErrorCodes
{
    public const string MachineIdRequired = "MACHINE_ID_REQUIRED";
    public const string InvalidMachineId = "INVALID_MACHINE_ID";
    public const string LicenseNotFound = "LICENSE_NOT_FOUND";
    public const string LicenseExpired = "LICENSE_EXPIRED";
    public const string LicenseRevoked = "LICENSE_REVOKED";
    public const string TrialAlreadyExists = "TRIAL_ALREADY_EXISTS";

    /// <summary>The configured cap of trials per email address is reached.</summary>
    public const string TrialLimitReached = "TRIAL_LIMIT_REACHED";
    public const string InvalidActivationCode = "INVALID_ACTIVATION_CODE";

    /// <summary>The key is not a license key, is tampered, or was signed by an unknown key.</summary>
    public const string InvalidLicenseKey = "INVALID_LICENSE_KEY";

    /// <summary>A genuine key presented with another machine's id.</summary>
    public const string LicenseMachineMismatch = "LICENSE_MACHINE_MISMATCH";

    /// <summary>A genuine key of another product than the one the client names.</summary>
    public const string LicenseProductMismatch = "LICENSE_PRODUCT_MISMATCH";
}
