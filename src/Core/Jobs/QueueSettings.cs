using Backend.Core.Configuration;

namespace Backend.Core.Jobs;

/// <summary>How SelfHost's workers consume the PostgreSQL queue; mirrors the Service Bus queue properties in Bicep.</summary>
public sealed class QueueSettings : ISettings
{
    public static string SectionName => "Queue";

    /// <summary>The lease: a job not completed within it is delivered again (a crashed worker loses nothing).</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>Deliveries after which a message is dead-lettered, as Service Bus's MaxDeliveryCount.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Jobs processed at once per queue in one process.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Longest idle wait between polls; notifications usually wake workers sooner.</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        if (VisibilityTimeoutSeconds is < 1 or > 86_400)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(VisibilityTimeoutSeconds))}' must be between 1 and 86400.";
        }
        if (MaxDeliveryCount is < 1 or > 100)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(MaxDeliveryCount))}' must be between 1 and 100.";
        }
        if (Concurrency is < 1 or > 64)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(Concurrency))}' must be between 1 and 64.";
        }
        if (PollIntervalMilliseconds is < 10 or > 60_000)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(PollIntervalMilliseconds))}' must be between 10 and 60000.";
        }
    }
}
