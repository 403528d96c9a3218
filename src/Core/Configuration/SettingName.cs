namespace Backend.Core.Configuration;

/// <summary>Formats a setting name as it is written in environment variables and app settings.</summary>
public static class SettingName
{
    public static string Of(string section, string key) => $"{section}__{key}";
}
