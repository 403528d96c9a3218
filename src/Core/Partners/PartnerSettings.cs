using Backend.Core.Configuration;
using Backend.Core.Products;
using Backend.Core.RateLimiting;
using Backend.Core.Security;

namespace Backend.Core.Partners;

/// <summary>Resellers' API: keys from configuration (others are created by admins and stored hashed) and their rate limit.</summary>
public sealed class PartnerSettings : ISettings
{
    public static string SectionName => "Partners";

    /// <summary>
    /// Comma-separated <c>name:product|product:sha256hex</c>: a reseller's name, the products it may sell and the SHA-256
    /// of its key. Only hashes are configured, so no setting holds a usable key.
    /// </summary>
    public string? ApiKeyHashes { get; set; }

    /// <summary>Requests per reseller (default 100 per hour), whatever the route.</summary>
    public RateLimitRule RateLimit { get; set; } = new() { Limit = 100, WindowSeconds = 3600 };

    public IEnumerable<string> Validate()
    {
        if (ConfiguredKeys().Any(k => k is null))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(ApiKeyHashes))}' is malformed: expected comma-separated name:product|product:sha256hex, names of lower-case letters, digits, '.', '-' or '_'.";
        }
        if (RateLimit.Limit < 1)
        {
            yield return $"Setting '{SettingName.Of(SectionName, "RateLimit__Limit")}' must be at least 1.";
        }
        if (RateLimit.WindowSeconds is < 1 or > 31 * 86400)
        {
            yield return $"Setting '{SettingName.Of(SectionName, "RateLimit__WindowSeconds")}' must be between 1 and 2678400.";
        }
    }

    /// <summary>The entries of <see cref="ApiKeyHashes"/>; null marks a malformed one.</summary>
    public IEnumerable<(Partner Partner, byte[] Hash)?> ConfiguredKeys()
    {
        foreach (var entry in (ApiKeyHashes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !PartnerName.IsValid(parts[0]) || !ApiKeyHash.TryParseHex(parts[2], out var hash))
            {
                yield return null;
                continue;
            }
            var products = parts[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (products.Length == 0 || !products.All(ProductCode.IsValid))
            {
                yield return null;
                continue;
            }
            yield return (new Partner(parts[0], products), hash);
        }
    }
}
