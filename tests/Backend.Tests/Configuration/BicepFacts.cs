using System.Text.Json.Nodes;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>What the compiled main.bicep (ARM JSON) says about the names the code also uses.</summary>
public sealed record BicepFacts(
    IReadOnlyList<string> QueueNames,
    IReadOnlyDictionary<string, string> ContainerVariables,
    string InboxContainer,
    string InboxFunctionName,
    IReadOnlyDictionary<App, IReadOnlyList<string>> AppSettings)
{
    public static BicepFacts Read(JsonObject template)
    {
        var variables = template["variables"]!.AsObject();
        string Variable(string name) => variables[name]!.GetValue<string>();
        return new(
            variables["queueNames"]!.AsArray().Select(queue => queue!.GetValue<string>()).ToList(),
            new Dictionary<string, string>
            {
                ["inboxContainerName"] = Variable("inboxContainerName"),
                ["invoicesContainerName"] = Variable("invoicesContainerName"),
                ["exportsContainerName"] = Variable("exportsContainerName"),
            },
            Variable("inboxContainerName"),
            template["parameters"]!["inboxFunctionName"]!["defaultValue"]!.GetValue<string>(),
            Enum.GetValues<App>().ToDictionary(app => app, app => BicepAppSettingsKeys(template, app)));
    }
}
