using Backend.Core.Configuration;

namespace Backend.Core.Security;

/// <summary>
/// HMAC-SHA256 keys that sign people's access tokens. Each key has an id written in the token header (<c>kid</c>);
/// new tokens are signed with <see cref="ActiveKeyId"/>, and keys kept listed after a rotation still validate the
/// tokens they signed until those expire. Read by both apps: the license app issues tokens, both check them.
/// </summary>
public sealed class AccessTokenSettings : ISettings
{
    public static string SectionName => "AccessTokens";

    public const int MinKeyBytes = 32;

    public string ActiveKeyId { get; set; } = "";

    /// <summary>Key id → base64 of at least 32 random bytes (<c>AccessTokens__Keys__{id}</c>).</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Access token lifetime (seed 000 § Sécurité: 1 hour).</summary>
    public int LifetimeMinutes { get; set; } = 60;

    /// <summary>Tolerated clock difference between hosts when checking <c>exp</c> and <c>nbf</c>.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public IEnumerable<string> Validate()
    {
        var activeName = SettingName.Of(SectionName, nameof(ActiveKeyId));
        if (string.IsNullOrWhiteSpace(ActiveKeyId))
        {
            yield return $"Setting '{activeName}' is missing: set it to the id of the key that signs access tokens.";
        }
        else if (!IsValidKeyId(ActiveKeyId))
        {
            yield return $"Setting '{activeName}' must be 1 to 32 characters among letters, digits, '-', '_' and '.'.";
        }
        else if (!Keys.ContainsKey(ActiveKeyId))
        {
            yield return $"Setting '{SettingName.Of(SectionName, $"{nameof(Keys)}__{ActiveKeyId}")}' is missing: the active key id names no key.";
        }
        foreach (var (id, value) in Keys)
        {
            var name = SettingName.Of(SectionName, $"{nameof(Keys)}__{id}");
            if (!IsValidKeyId(id))
            {
                yield return $"Setting '{name}': key ids are 1 to 32 characters among letters, digits, '-', '_' and '.'.";
            }
            else if (Decode(value) is null)
            {
                // Never echo the value: it is a secret.
                yield return $"Setting '{name}' must be the base64 encoding of at least {MinKeyBytes} random bytes (e.g. `openssl rand -base64 32`).";
            }
        }
        if (LifetimeMinutes is < 1 or > 1440)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(LifetimeMinutes))}' must be between 1 and 1440.";
        }
        if (ClockSkewSeconds is < 0 or > 300)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(ClockSkewSeconds))}' must be between 0 and 300.";
        }
    }

    public static bool IsValidKeyId(string id) =>
        id.Length is >= 1 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static byte[]? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length >= MinKeyBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
