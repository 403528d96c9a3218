using Backend.Core.Configuration;

namespace Backend.Core.Invoices;

/// <summary>Retry, sweep and inbox timings of the invoice pipeline (section <c>Invoices</c>).</summary>
public sealed class InvoicePipelineSettings : ISettings
{
    public static string SectionName => "Invoices";

    /// <summary>Delay before the second attempt; the third waits twice as long.</summary>
    public int RetryBaseDelaySeconds { get; set; } = 30;

    /// <summary>An invoice in OCR_PROCESSING this long (or waiting in UPLOADED this long past its due time) is taken back by the sweeper.</summary>
    public int StuckAfterSeconds { get; set; } = 900;

    /// <summary>SelfHost: how often the stuck-invoice sweeper runs.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>SelfHost: how often the inbox directory is rescanned (the file watcher usually reacts sooner).</summary>
    public int InboxScanIntervalSeconds { get; set; } = 10;

    /// <summary>SelfHost: a dropped file is taken only once unchanged for this long, so half-copied files wait.</summary>
    public int InboxSettleMilliseconds { get; set; } = 1000;

    /// <summary>How long the signed <c>fileUrl</c> of an invoice opens its original file without the API key.</summary>
    public int FileLinkLifetimeMinutes { get; set; } = 15;

    public IEnumerable<string> Validate()
    {
        if (FileLinkLifetimeMinutes is < 1 or > 1440)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(FileLinkLifetimeMinutes))}' must be between 1 and 1440.";
        }
        if (RetryBaseDelaySeconds is < 0 or > 3600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(RetryBaseDelaySeconds))}' must be between 0 and 3600.";
        }
        if (StuckAfterSeconds is < 1 or > 86_400)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(StuckAfterSeconds))}' must be between 1 and 86400.";
        }
        if (SweepIntervalSeconds is < 1 or > 3600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(SweepIntervalSeconds))}' must be between 1 and 3600.";
        }
        if (InboxScanIntervalSeconds is < 1 or > 3600)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(InboxScanIntervalSeconds))}' must be between 1 and 3600.";
        }
        if (InboxSettleMilliseconds is < 0 or > 600_000)
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(InboxSettleMilliseconds))}' must be between 0 and 600000.";
        }
    }
}
