using Backend.Core.Configuration;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// What must hold between a function app's generated triggers and the compiled Bicep deployment for the triggers to
/// fire in Azure, and the one authorization rule of the HTTP functions.
/// </summary>
public static class TriggerRules
{
    public static IEnumerable<string> Check(IEnumerable<FunctionTrigger> triggers, BicepFacts bicep)
    {
        foreach (var trigger in triggers)
        {
            var settings = bicep.AppSettings[trigger.App];
            switch (trigger.Type)
            {
                case "blobTrigger":
                    foreach (var problem in CheckBlobTrigger(trigger, bicep, settings))
                    {
                        yield return problem;
                    }
                    break;
                case "serviceBusTrigger":
                    var queue = trigger.Property("queueName");
                    if (queue is null || !bicep.QueueNames.Contains(queue, StringComparer.Ordinal))
                    {
                        yield return $"{trigger}: queue '{queue}' is not a queue main.bicep creates ({string.Join(", ", bicep.QueueNames)}).";
                    }
                    foreach (var problem in CheckConnection(trigger, settings,
                        AzureConnections.FullyQualifiedNamespace, AzureConnections.Credential, AzureConnections.ClientId))
                    {
                        yield return problem;
                    }
                    break;
                case "httpTrigger":
                    var route = trigger.Property("route");
                    if (string.IsNullOrEmpty(route))
                    {
                        yield return $"{trigger}: every HTTP function names its route (a Core route constant).";
                    }
                    else if (route.StartsWith("api/", StringComparison.OrdinalIgnoreCase) || route.StartsWith('/'))
                    {
                        yield return $"{trigger}: route '{route}' must not carry the 'api' prefix (host.json adds it).";
                    }
                    // Core authenticates every admin and tenant request (admin keys, tenant keys) in both hosts; a
                    // Functions key would be one more shared secret per app that browsers and the desktop client
                    // cannot keep, and would make Azure answer differently from SelfHost. README "Authorization".
                    if (!string.Equals(trigger.Property("authLevel"), "Anonymous", StringComparison.Ordinal))
                    {
                        yield return $"{trigger}: authLevel '{trigger.Property("authLevel")}': HTTP functions are Anonymous, Core authenticates.";
                    }
                    break;
                case "timerTrigger":
                    break;
                default:
                    yield return $"{trigger}: no rule covers trigger type '{trigger.Type}'.";
                    break;
            }
        }
    }

    private static IEnumerable<string> CheckBlobTrigger(FunctionTrigger trigger, BicepFacts bicep, IReadOnlyList<string> settings)
    {
        if (trigger.App != App.Ocr)
        {
            yield return $"{trigger}: only the OCR app receives the inbox events.";
        }
        var path = trigger.Property("path");
        if (path is null || path.Split('/')[0] != bicep.InboxContainer)
        {
            yield return $"{trigger}: path '{path}' is not in the container the Event Grid subscription watches ('{bicep.InboxContainer}').";
        }
        if (trigger.Property("source") is not "EventGrid")
        {
            yield return $"{trigger}: Flex Consumption runs blob triggers only with Source = BlobTriggerSource.EventGrid.";
        }
        if (trigger.FunctionName != bicep.InboxFunctionName)
        {
            yield return $"{trigger}: the Event Grid subscription calls function '{bicep.InboxFunctionName}' (main.bicep inboxFunctionName).";
        }
        foreach (var problem in CheckConnection(trigger, settings,
            AzureConnections.BlobServiceUri, AzureConnections.QueueServiceUri, AzureConnections.Credential, AzureConnections.ClientId))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CheckConnection(FunctionTrigger trigger, IReadOnlyList<string> settings, params string[] keys)
    {
        var connection = trigger.Property("connection");
        if (string.IsNullOrEmpty(connection))
        {
            yield return $"{trigger}: Connection must name an identity-based connection (AzureConnections), not default to host storage.";
            yield break;
        }
        foreach (var key in keys.Select(key => SettingName.Of(connection, key)))
        {
            if (!settings.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{trigger}: connection '{connection}' needs app setting '{key}', which main.bicep does not set for this app.";
            }
        }
    }
}
