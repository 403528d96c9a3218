using Backend.Core.Configuration;

namespace Backend.Core.Webhooks;

public sealed class WebhookSettings : ISettings
{
    public static string SectionName => "Webhooks";

    /// <summary>
    /// Admits private and loopback addresses (and plain http) for endpoints: tests and private deployments only.
    /// Link-local and cloud metadata addresses stay refused.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long one delivery waits for the endpoint's answer.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How long the previous secret keeps signing (beside the new one) after a rotation.</summary>
    public int SecretOverlapHours { get; set; } = 24;

    /// <summary>Deliveries sent at once by one dispatcher.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>SelfHost: longest wait between two dispatch rounds (Azure: the timer, every 10 seconds).</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    public IEnumerable<string> Validate()
    {
        string Name(string key) => SettingName.Of(SectionName, key);
        if (TimeoutSeconds is < 1 or > 60)
        {
            yield return $"Setting '{Name(nameof(TimeoutSeconds))}' must be between 1 and 60.";
        }
        if (SecretOverlapHours is < 0 or > 720)
        {
            yield return $"Setting '{Name(nameof(SecretOverlapHours))}' must be between 0 and 720.";
        }
        if (Concurrency is < 1 or > 64)
        {
            yield return $"Setting '{Name(nameof(Concurrency))}' must be between 1 and 64.";
        }
        if (PollIntervalMilliseconds is < 10 or > 3_600_000)
        {
            yield return $"Setting '{Name(nameof(PollIntervalMilliseconds))}' must be between 10 and 3600000.";
        }
    }
}
