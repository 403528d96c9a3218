using Backend.Core.Configuration;

namespace Backend.Core.Events;

public sealed class EventsSettings : ISettings
{
    public static string SectionName => "Events";

    /// <summary>SelfHost: how often the expiry scan runs (Azure: the timer, every 15 minutes).</summary>
    public int ExpiryScanIntervalSeconds { get; set; } = 900;

    public IEnumerable<string> Validate()
    {
        if (ExpiryScanIntervalSeconds is < 1 or > 86_400)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(ExpiryScanIntervalSeconds))}' must be between 1 and 86400.";
        }
    }
}
