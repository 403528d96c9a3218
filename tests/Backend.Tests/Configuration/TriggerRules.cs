using Backend.Core.Configuration;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// What must hold between a function app's triggers and the Bicep deployment for the triggers to fire in Azure.
/// </summary>
public static class TriggerRules
{
    public static IEnumerable<string> Check(App app, IEnumerable<FunctionTrigger> triggers, BicepFacts bicep)
    {
        var settings = bicep.AppSettings[app];
        foreach (var trigger in triggers)
        {
            switch (trigger.Kind)
            {
                case "BlobTrigger":
                    foreach (var problem in CheckBlobTrigger(app, trigger, bicep, settings))
                    {
                        yield return problem;
                    }
                    break;
                case "ServiceBusTrigger":
                    var queue = ConstantExpression.Evaluate(trigger.Target);
                    if (queue is null || !bicep.QueueNames.Contains(queue, StringComparer.Ordinal))
                    {
                        yield return $"{trigger}: queue '{queue ?? trigger.Target}' is not a queue main.bicep creates ({string.Join(", ", bicep.QueueNames)}).";
                    }
                    foreach (var problem in CheckConnection(trigger, settings,
                        AzureConnections.FullyQualifiedNamespace, AzureConnections.Credential, AzureConnections.ClientId))
                    {
                        yield return problem;
                    }
                    break;
                case "HttpTrigger":
                    var route = ConstantExpression.Evaluate(trigger.NamedArgument("Route"));
                    if (route is null)
                    {
                        yield return $"{trigger}: Route must be a route constant from Core.";
                    }
                    else if (route.StartsWith("api/", StringComparison.OrdinalIgnoreCase) || route.StartsWith('/'))
                    {
                        yield return $"{trigger}: Route '{route}' must not carry the 'api' prefix (host.json adds it).";
                    }
                    else if (route.Contains("admin", StringComparison.OrdinalIgnoreCase) && trigger.Target is not null
                        && trigger.Target.EndsWith("AuthorizationLevel.Anonymous", StringComparison.Ordinal))
                    {
                        yield return $"{trigger}: admin route '{route}' must require a Functions key (AuthorizationLevel.Function or Admin) on top of the admin API key.";
                    }
                    break;
            }
        }
    }

    private static IEnumerable<string> CheckBlobTrigger(App app, FunctionTrigger trigger, BicepFacts bicep, IReadOnlyList<string> settings)
    {
        if (app != App.Ocr)
        {
            yield return $"{trigger}: only the OCR app receives the inbox events.";
        }
        var path = ConstantExpression.Evaluate(trigger.Target);
        if (path is null || path.Split('/')[0] != bicep.InboxContainer)
        {
            yield return $"{trigger}: path '{path ?? trigger.Target}' is not in the container the Event Grid subscription watches ('{bicep.InboxContainer}').";
        }
        if (trigger.NamedArgument("Source") is not "BlobTriggerSource.EventGrid")
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
        var connection = ConstantExpression.Evaluate(trigger.NamedArgument("Connection"));
        if (connection is null)
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
