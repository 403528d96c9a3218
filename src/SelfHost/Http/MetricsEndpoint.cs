using Backend.Core.Security;
using Backend.Core.Telemetry;
using OpenTelemetry.Metrics;

namespace Backend.SelfHost.Http;

/// <summary>
/// <c>GET /metrics</c>: every instrument in Prometheus text, for an admin only (API key or admin account token, as the
/// admin API): queue names, volumes and error rates are not for the public.
/// </summary>
public static class MetricsEndpoint
{
    public const string Route = "/metrics";

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .AddJobQueueMetrics()
            .WithMetrics(metrics => metrics.AddPrometheusExporter());
        return services;
    }

    public static IEndpointConventionBuilder MapMetricsEndpoint(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Route, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (context, next) =>
        {
            var authenticator = context.RequestServices.GetRequiredService<AdminAuthenticator>();
            if (await authenticator.AuthenticateAsync(context) is null)
            {
                await AdminAuthenticator.Unauthorized(context).ExecuteAsync(context);
                return;
            }
            await next(context);
        }), optionsName: null);
}
