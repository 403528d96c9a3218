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
        var connectionString = builder.Configuration.ReadSettings<TelemetrySettings>().AzureMonitorConnectionString;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = connectionString.Trim());
        }
        return builder;
    }
}
