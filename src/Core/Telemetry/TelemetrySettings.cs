using Backend.Core.Configuration;

namespace Backend.Core.Telemetry;

/// <summary>Where telemetry goes besides SelfHost's <c>/metrics</c>: an OTLP collector, Azure Monitor (function apps).</summary>
public sealed class TelemetrySettings : ISettings
{
    public static string SectionName => "Telemetry";

    /// <summary>An OTLP/HTTP or gRPC collector (e.g. <c>http://127.0.0.1:4317</c>) that receives traces and metrics; empty: none.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Function apps: the Application Insights connection string their traces, metrics and logs are exported to; empty: not exported.</summary>
    public string AzureMonitorConnectionString { get; set; } = "";

    /// <summary>
    /// Share of traces recorded, 0–1, decided once at the root of each trace (upload, validate…) from its trace id and
    /// followed by every span under it, jobs included (parent-based), so a trace is whole or absent. Metrics count
    /// every request whatever it is. Function apps pass it to Azure Monitor's sampler. Default 0.1: recording every
    /// trace cost validate 14–20 % of its throughput, one in ten 2 % (bench/telemetry-cost.sh).
    /// </summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    public Uri? OtlpUri => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint.Trim());

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(OtlpEndpoint))}' must be an http(s) URL, e.g. http://127.0.0.1:4317.";
        }
        if (!(TraceSampleRatio is >= 0 and <= 1))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(TraceSampleRatio))}' must be between 0 and 1 (1: every trace, 0.1: one in ten).";
        }
        if (!string.IsNullOrWhiteSpace(AzureMonitorConnectionString)
            && !AzureMonitorConnectionString.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(AzureMonitorConnectionString))}' must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...).";
        }
    }
}
