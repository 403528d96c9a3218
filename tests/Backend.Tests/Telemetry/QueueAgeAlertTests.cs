using System.Text.Json.Nodes;
using Backend.Core.Telemetry;
using Backend.Tests.Configuration;
using Backend.Tests.Security;

namespace Backend.Tests.Telemetry;

/// <summary>
/// The queue-age alert of the compiled Bicep reads the instrument the OCR app publishes from Service Bus (and SelfHost
/// from PostgreSQL), per queue, rather than Service Bus's message count.
/// </summary>
public sealed class QueueAgeAlertTests
{
    private static readonly JsonObject Template = BicepCli.CompiledMain();

    private static JsonObject AlertsTemplate => ConfigurationSources.Module(Template, "alerts")["properties"]!["template"]!.AsObject();

    private static IEnumerable<JsonObject> AlertResources(string type) =>
        AlertsTemplate["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["type"]!.GetValue<string>() == type);

    [Fact]
    public void The_queue_age_alert_is_a_log_alert_on_the_oldest_age_instrument_by_queue()
    {
        var rule = AlertResources("Microsoft.Insights/scheduledQueryRules")
            .Single(r => CompiledBicep.Text(r["name"]!).Contains("alert-queue-age-", StringComparison.Ordinal));

        var query = CompiledBicep.Text(rule["properties"]!["criteria"]!["allOf"]![0]!["query"]!);
        Assert.Contains($"name == \\\"{JobQueueMetrics.OldestAgeInstrument}\\\"", query);
        Assert.Contains("by queue", query);
        Assert.Contains("queueAgeThresholdSeconds", query);
        Assert.Equal(900, AlertsTemplate["parameters"]!["queueAgeThresholdSeconds"]!["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public void No_metric_alert_watches_the_Service_Bus_message_count_in_place_of_the_age()
    {
        // The metric alerts are one copy loop over this variable: [name, scope, metric, ...].
        var metrics = AlertsTemplate["variables"]!["metricAlerts"]!.AsArray().Select(a => a!["metric"]!.GetValue<string>()).ToList();

        Assert.DoesNotContain("ActiveMessages", metrics);
        Assert.Contains("DeadletteredMessages", metrics);
    }
}
