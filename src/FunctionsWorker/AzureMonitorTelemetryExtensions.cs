using Azure.Monitor.OpenTelemetry.Exporter;
using Backend.Core.Configuration;
using Backend.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Functions.Worker;

public static class AzureMonitorTelemetryExtensions
{
    /// <summary>
    /// The worker's side of OpenTelemetry (Core registers the instruments, <c>AddBackendTelemetry</c>): each invocation
    /// joins the trace the Functions host started (host.json <c>telemetryMode: OpenTelemetry</c>), and traces, metrics
    /// and logs go to Application Insights when <c>Telemetry__AzureMonitorConnectionString</c> is set.
    /// </summary>
    public static FunctionsApplicationBuilder AddAzureMonitorTelemetry(this FunctionsApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        var settings = builder.Configuration.ReadSettings<TelemetrySettings>();
        if (!string.IsNullOrWhiteSpace(settings.AzureMonitorConnectionString))
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = settings.AzureMonitorConnectionString.Trim();
                // The exporter installs its own sampler; it gets the same ratio (a fixed ratio, not a rate per second).
                options.SamplingRatio = (float)settings.TraceSampleRatio;
                options.TracesPerSecond = null;
            });
        }
        return builder;
    }
}
