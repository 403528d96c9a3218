using Backend.Core.Configuration;
using Backend.Core.Licensing;
using Backend.Core.RateLimiting;

namespace Backend.Core.Accounts;

/// <summary>Sign-in of people (section <c>Accounts</c>): password hashing, sessions, brute-force limits, the first admin.</summary>
public sealed class AccountSettings : ISettings
{
    public static string SectionName => "Accounts";

    /// <summary>Creates the first admin account at start-up when none exists (with <see cref="BootstrapAdminPassword"/>).</summary>
    public string? BootstrapAdminEmail { get; set; }

    /// <summary>Password of the bootstrap admin (Key Vault in Azure; <c>scripts/run.sh</c> generates one locally).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>Argon2id memory in KiB. OWASP's minimum for Argon2id is 19 MiB with 2 passes and 1 lane.</summary>
    public int Argon2MemoryKib { get; set; } = 19 * 1024;

    public int Argon2Iterations { get; set; } = 2;

    public int Argon2Parallelism { get; set; } = 1;

    /// <summary>Lifetime of a refresh token (seed 000 § Sécurité: 7 days); each refresh issues a new one.</summary>
    public int RefreshTokenDays { get; set; } = 7;

    /// <summary>Lifetime of a single-use password-setup token (new account without password, reset).</summary>
    public int PasswordSetupHours { get; set; } = 24;

    /// <summary>Failed sign-ins per submitted email address, whether an account exists or not.</summary>
    public RateLimitRule LoginPerAccount { get; set; } = new() { Limit = 10, WindowSeconds = 900 };

    /// <summary>Failed sign-ins per client address, across all email addresses.</summary>
    public RateLimitRule LoginPerAddress { get; set; } = new() { Limit = 50, WindowSeconds = 900 };

    public int MaxBodyBytes { get; set; } = 8 * 1024;

    public IEnumerable<string> Validate()
    {
        string Name(string key) => SettingName.Of(SectionName, key);

        var email = BootstrapAdminEmail?.Trim() ?? "";
        // A single space is how a required-but-unused Key Vault secret says "unset".
        var password = string.IsNullOrWhiteSpace(BootstrapAdminPassword) ? "" : BootstrapAdminPassword;
        if ((email.Length == 0) != (password.Length == 0))
        {
            yield return $"Settings '{Name(nameof(BootstrapAdminEmail))}' and '{Name(nameof(BootstrapAdminPassword))}' go together: set both or neither.";
        }
        else if (email.Length > 0)
        {
            if (!EmailAddress.IsValid(EmailAddress.Normalize(email)))
            {
                yield return $"Setting '{Name(nameof(BootstrapAdminEmail))}' is not a valid email address.";
            }
            if (PasswordPolicy.Problem(password, email) is { } problem)
            {
                // Never echo the value: it is a secret.
                yield return $"Setting '{Name(nameof(BootstrapAdminPassword))}' is refused: {problem}";
            }
        }
        if (Argon2MemoryKib is < 8 or > 4 * 1024 * 1024)
        {
            yield return $"Setting '{Name(nameof(Argon2MemoryKib))}' must be between 8 and 4194304 (KiB).";
        }
        if (Argon2Iterations is < 1 or > 100)
        {
            yield return $"Setting '{Name(nameof(Argon2Iterations))}' must be between 1 and 100.";
        }
        if (Argon2Parallelism is < 1 or > 64 || Argon2MemoryKib < 8 * Argon2Parallelism)
        {
            yield return $"Setting '{Name(nameof(Argon2Parallelism))}' must be between 1 and 64, with at least 8 KiB of memory per lane.";
        }
        if (RefreshTokenDays is < 1 or > 90)
        {
            yield return $"Setting '{Name(nameof(RefreshTokenDays))}' must be between 1 and 90.";
        }
        if (PasswordSetupHours is < 1 or > 168)
        {
            yield return $"Setting '{Name(nameof(PasswordSetupHours))}' must be between 1 and 168.";
        }
        foreach (var (name, rule) in new[] { (nameof(LoginPerAccount), LoginPerAccount), (nameof(LoginPerAddress), LoginPerAddress) })
        {
            if (rule.Limit < 1 || rule.WindowSeconds < 1)
            {
                yield return $"Settings '{Name(name)}__Limit' and '{Name(name)}__WindowSeconds' must be at least 1.";
            }
        }
        if (MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            yield return $"Setting '{Name(nameof(MaxBodyBytes))}' must be between 1024 and 1048576.";
        }
    }
}
