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

    public Uri? OtlpUri => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint.Trim());

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(OtlpEndpoint))}' must be an http(s) URL, e.g. http://127.0.0.1:4317.";
        }
        if (!string.IsNullOrWhiteSpace(AzureMonitorConnectionString)
            && !AzureMonitorConnectionString.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Setting '{SettingName.Of(SectionName, nameof(AzureMonitorConnectionString))}' must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...).";
        }
    }
}
