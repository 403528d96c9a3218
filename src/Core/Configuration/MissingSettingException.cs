namespace Backend.Core.Configuration;

/// <summary>A setting read while the app is composed (before options validation can run) is missing.</summary>
public sealed class MissingSettingException(string setting)
    : Exception($"Setting '{setting}' is missing.")
{
    public string Setting { get; } = setting;
}
