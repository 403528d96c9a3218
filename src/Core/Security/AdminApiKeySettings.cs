using Backend.Core.Configuration;

namespace Backend.Core.Security;

/// <summary>
/// The administrator key (<c>Licensing__AdminApiKey</c>), shared by the license admin endpoints and the
/// tenant administration. Unset means every admin request is refused.
/// </summary>
public sealed class AdminApiKeySettings : ISettings
{
    public static string SectionName => "Licensing";

    public string AdminApiKey { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(AdminApiKey) && AdminApiKey.Length < 24)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(AdminApiKey))}' must be at least 24 characters (use `openssl rand -base64 32`).";
        }
    }
}
