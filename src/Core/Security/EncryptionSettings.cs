using Backend.Core.Configuration;

namespace Backend.Core.Security;

/// <summary>
/// Keys for field encryption at rest. Each key has an id; new data is sealed with <see cref="ActiveKeyId"/>,
/// and older keys stay listed so data they sealed still opens: rotate by adding a key and switching the id.
/// </summary>
public sealed class EncryptionSettings : ISettings
{
    public static string SectionName => "Encryption";

    /// <summary>Id of the key used to encrypt new data, e.g. <c>2026-01</c>.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>Key id → base64 of 32 random bytes (<c>Encryption__Keys__{id}</c>).</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Validate()
    {
        var activeName = SettingName.Of(SectionName, nameof(ActiveKeyId));
        if (string.IsNullOrWhiteSpace(ActiveKeyId))
        {
            yield return $"Setting '{activeName}' is missing: set it to the id of the key that encrypts new OCR data.";
        }
        else if (!FieldCipher.IsValidKeyId(ActiveKeyId))
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
            if (!FieldCipher.IsValidKeyId(id))
            {
                yield return $"Setting '{name}': key ids are 1 to 32 characters among letters, digits, '-', '_' and '.'.";
            }
            else if (FieldCipher.TryDecodeKey(value) is null)
            {
                // Never echo the value: it is a secret.
                yield return $"Setting '{name}' must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`).";
            }
        }
    }
}
