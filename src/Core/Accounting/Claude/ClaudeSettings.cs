using Backend.Core.Configuration;

namespace Backend.Core.Accounting.Claude;

/// <summary>The Claude analyzer; it is used only when <see cref="ApiKey"/> is set, else the rules analyzer books alone.</summary>
public sealed class ClaudeSettings : ISettings
{
    public static string SectionName => "Claude";

    /// <summary>Anthropic API key (a secret: from configuration or Key Vault only). Empty disables Claude.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The Messages API base URL; tests point it at a local fake server.</summary>
    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    public string Model { get; set; } = "claude-sonnet-4-5";

    public int MaxTokens { get; set; } = 2048;

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of the SDK on 408/409/429/5xx before the rules take over.</summary>
    public int MaxRetries { get; set; } = 2;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(BaseUrl))}' must be an absolute http(s) URL.";
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(Model))}' is missing.";
        }
        if (MaxTokens is < 256 or > 64_000)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(MaxTokens))}' must be between 256 and 64000.";
        }
        if (TimeoutSeconds is < 1 or > 600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(TimeoutSeconds))}' must be between 1 and 600.";
        }
        if (MaxRetries is < 0 or > 10)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(MaxRetries))}' must be between 0 and 10.";
        }
    }
}
