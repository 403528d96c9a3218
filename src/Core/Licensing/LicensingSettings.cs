using System.Net;
using System.Security.Cryptography;
using Backend.Core.Configuration;
using Backend.Core.Security;

namespace Backend.Core.Licensing;

public sealed class LicensingSettings : ISettings
{
    public static string SectionName => "Licensing";

    /// <summary>ECDSA P-256 private key that signs new licenses: PKCS#8 as PEM or base64 DER.</summary>
    public string? SigningPrivateKey { get; set; }

    /// <summary>Public keys of earlier signing keys (SubjectPublicKeyInfo base64 DER, comma separated): licenses they signed stay valid.</summary>
    public string? RetiredPublicKeys { get; set; }

    public string Product { get; set; } = "easyfacture";
    public int TrialDays { get; set; } = 30;
    public int MaxTrialsPerEmail { get; set; } = 3;
    public string RenewalUrl { get; set; } = "https://easyfacture.com/renew";

    /// <summary>Peers (IP addresses or CIDR ranges, comma separated) whose <c>X-Forwarded-For</c> is believed.</summary>
    public string? TrustedProxies { get; set; }

    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How often batched writes (validation history, last_validated_at, validate rate-limit counters) reach PostgreSQL.</summary>
    public int FlushIntervalMilliseconds { get; set; } = 1000;

    public LicensingRateLimits RateLimits { get; set; } = new();

    /// <summary>Validate reads license states from an in-memory copy kept exact by LISTEN/NOTIFY; false: from PostgreSQL on every request.</summary>
    public bool StatesInMemory { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        string Name(string key) => SettingName.Of(SectionName, key);

        if (string.IsNullOrWhiteSpace(SigningPrivateKey))
        {
            yield return $"Setting '{Name(nameof(SigningPrivateKey))}' is missing: an ECDSA P-256 private key (PKCS#8 or SEC1, PEM or base64 DER) is needed to sign licenses.";
        }
        else if (!TryLoadSigningKey(SigningPrivateKey, out var key))
        {
            yield return $"Setting '{Name(nameof(SigningPrivateKey))}' is not an ECDSA P-256 private key (PKCS#8 or SEC1, PEM or base64 DER).";
        }
        else
        {
            key!.Dispose();
        }
        foreach (var retired in Split(RetiredPublicKeys))
        {
            if (!IsP256PublicKey(retired))
            {
                yield return $"Setting '{Name(nameof(RetiredPublicKeys))}' holds a value that is not an ECDSA P-256 public key (base64 SubjectPublicKeyInfo).";
                break;
            }
        }
        if (string.IsNullOrWhiteSpace(Product) || Product.Length > 50)
        {
            yield return $"Setting '{Name(nameof(Product))}' must be 1 to 50 characters.";
        }
        if (TrialDays is < 1 or > 365)
        {
            yield return $"Setting '{Name(nameof(TrialDays))}' must be between 1 and 365.";
        }
        if (MaxTrialsPerEmail < 1)
        {
            yield return $"Setting '{Name(nameof(MaxTrialsPerEmail))}' must be at least 1.";
        }
        if (!Uri.TryCreate(RenewalUrl, UriKind.Absolute, out var renewal) || renewal.Scheme is not ("https" or "http"))
        {
            yield return $"Setting '{Name(nameof(RenewalUrl))}' must be an absolute http(s) URL.";
        }
        foreach (var proxy in Split(TrustedProxies))
        {
            if (!IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _))
            {
                yield return $"Setting '{Name(nameof(TrustedProxies))}' holds '{proxy}', which is neither an IP address nor a CIDR range.";
            }
        }
        if (MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            yield return $"Setting '{Name(nameof(MaxBodyBytes))}' must be between 1024 and 1048576.";
        }
        if (FlushIntervalMilliseconds is < 10 or > 1000)
        {
            yield return $"Setting '{Name(nameof(FlushIntervalMilliseconds))}' must be between 10 and 1000: the documented loss bound on a hard kill is one interval of at most 1 s.";
        }
        if (RateLimits.IPv6PrefixLength is < 32 or > 128)
        {
            yield return $"Setting '{Name("RateLimits__IPv6PrefixLength")}' must be between 32 and 128.";
        }
        if (RateLimits.MaxTrackedClients is < 100 or > 10_000_000)
        {
            yield return $"Setting '{Name("RateLimits__MaxTrackedClients")}' must be between 100 and 10000000.";
        }
        foreach (var (name, rule) in new[] { ("Trial", RateLimits.Trial), ("Activate", RateLimits.Activate), ("Validate", RateLimits.Validate), ("Heartbeat", RateLimits.Heartbeat) })
        {
            if (rule.Limit < 1)
            {
                yield return $"Setting '{Name($"RateLimits__{name}__Limit")}' must be at least 1.";
            }
            if (rule.WindowSeconds is < 1 or > 31 * 86400)
            {
                yield return $"Setting '{Name($"RateLimits__{name}__WindowSeconds")}' must be between 1 and 2678400.";
            }
        }
    }

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool TryLoadSigningKey(string text, out ECDsa? key)
    {
        key = ECDsa.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                key.ImportFromPem(trimmed);
            }
            else
            {
                var der = Convert.FromBase64String(trimmed);
                try
                {
                    key.ImportPkcs8PrivateKey(der, out _);
                }
                catch (CryptographicException)
                {
                    // `openssl ecparam -genkey -outform DER` writes the SEC1 form.
                    key.ImportECPrivateKey(der, out _);
                }
            }
            if (key.KeySize == 256)
            {
                return true;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
        }
        key.Dispose();
        key = null;
        return false;
    }

    private static bool IsP256PublicKey(string base64)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64), out _);
            return key.KeySize == 256;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
