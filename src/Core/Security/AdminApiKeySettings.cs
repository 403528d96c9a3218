using Backend.Core.Configuration;

namespace Backend.Core.Security;

/// <summary>
/// The administrator keys (section <c>Licensing</c>, as the seed's license server introduced them), shared by the
/// license admin endpoints and tenant creation in the OCR app.
/// </summary>
public sealed class AdminApiKeySettings : ISettings
{
    public static string SectionName => "Licensing";

    /// <summary>The admin API key in clear (local run, Key Vault reference); hashed as soon as it is read.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Further admin keys as SHA-256 hex, comma separated, optionally <c>name:hash</c>; lets operators rotate keys without ever storing one in clear.</summary>
    public string? AdminApiKeyHashes { get; set; }

    public IEnumerable<string> Validate()
    {
        string Name(string key) => SettingName.Of(SectionName, key);

        if (string.IsNullOrWhiteSpace(AdminApiKey) && string.IsNullOrWhiteSpace(AdminApiKeyHashes))
        {
            yield return $"Setting '{Name(nameof(AdminApiKey))}' (or '{Name(nameof(AdminApiKeyHashes))}') is missing: the admin API cannot be protected without a key.";
        }
        else if (!string.IsNullOrEmpty(AdminApiKey) && AdminApiKey.Trim().Length < 32)
        {
            yield return $"Setting '{Name(nameof(AdminApiKey))}' is too short: use at least 32 random characters.";
        }
        if (HashedKeys().Any(e => e.Hash is null))
        {
            yield return $"Setting '{Name(nameof(AdminApiKeyHashes))}' is malformed: expected comma-separated SHA-256 hex digests, optionally as name:digest.";
        }
    }

    /// <summary>The entries of <see cref="AdminApiKeyHashes"/>; a null hash marks a malformed entry.</summary>
    public IEnumerable<(string Name, byte[]? Hash)> HashedKeys()
    {
        foreach (var entry in (AdminApiKeyHashes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.LastIndexOf(':');
            var name = colon > 0 ? entry[..colon].Trim() : "admin";
            var hex = colon > 0 ? entry[(colon + 1)..].Trim() : entry;
            yield return (name, ApiKeyHash.TryParseHex(hex, out var hash) ? hash : null);
        }
    }
}
