namespace Backend.Core.Telemetry;

/// <summary>The names under which this backend's own instruments and spans are published, so exporters and dashboards can select them.</summary>
public static class TelemetryNames
{
    /// <summary>The service name every host reports (the <c>service.name</c> resource attribute).</summary>
    public const string ServiceName = "easyfacture-backend";

    /// <summary>The meter of the business instruments (<see cref="LicensingMetrics"/>, <see cref="InvoicePipelineMetrics"/>, <see cref="JobQueueMetrics"/>).</summary>
    public const string Meter = "EasyFacture.Backend";

    /// <summary>The activity source of the queue jobs' spans (<see cref="JobTracing"/>).</summary>
    public const string ActivitySource = "EasyFacture.Backend.Jobs";

    /// <summary>Npgsql's own meter and activity source.</summary>
    public const string Npgsql = "Npgsql";
}
