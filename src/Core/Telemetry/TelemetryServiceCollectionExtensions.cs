using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Backend.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry as every host runs it: HTTP server and client, Npgsql, the .NET runtime and the business
    /// instruments, traced through the queues (<see cref="JobTracing"/>). The host adds where it goes: SelfHost a
    /// Prometheus endpoint, the function apps Azure Monitor; <c>Telemetry__OtlpEndpoint</c> adds a collector to either.
    /// </summary>
    public static OpenTelemetryBuilder AddBackendTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TelemetrySettings>(configuration);
        services.TryAddSingleton<LicensingMetrics>();
        services.TryAddSingleton<InvoicePipelineMetrics>();
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TelemetryNames.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meter, TelemetryNames.Npgsql)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Created with the provider, so the instruments are published before the first request uses them.
                    .AddInstrumentation(sp => sp.GetRequiredService<LicensingMetrics>())
                    .AddInstrumentation(sp => sp.GetRequiredService<InvoicePipelineMetrics>());
                ((IDeferredMeterProviderBuilder)metrics).Configure((sp, deferred) =>
                {
                    if (OtlpOf(sp) is { } options)
                    {
                        deferred.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(options)));
                    }
                });
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.ActivitySource)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                ((IDeferredTracerProviderBuilder)tracing).Configure((sp, deferred) =>
                {
                    var ratio = sp.GetRequiredService<IOptions<TelemetrySettings>>().Value.TraceSampleRatio;
                    deferred.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)));
                    if (OtlpOf(sp) is { } options)
                    {
                        deferred.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(options)));
                    }
                });
            });
        return builder;
    }

    private static OtlpExporterOptions? OtlpOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<TelemetrySettings>>().Value.OtlpUri is { } endpoint
            ? new OtlpExporterOptions { Endpoint = endpoint }
            : null;

    /// <summary>SelfHost: the depth and age of its PostgreSQL queues (<see cref="JobQueueMetrics"/>).</summary>
    public static OpenTelemetryBuilder AddJobQueueMetrics(this OpenTelemetryBuilder builder)
    {
        builder.Services.TryAddSingleton<JobQueueMetrics>();
        return builder.WithMetrics(metrics => metrics.AddInstrumentation(sp => sp.GetRequiredService<JobQueueMetrics>()));
    }
}
