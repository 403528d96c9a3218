using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>What main.bicep says about the names the code also uses.</summary>
public sealed record BicepFacts(
    IReadOnlyList<string> QueueNames,
    IReadOnlyDictionary<string, string> ContainerVariables,
    string InboxContainer,
    string InboxFunctionName,
    IReadOnlyDictionary<App, IReadOnlyList<string>> AppSettings)
{
    public static BicepFacts Read(string bicep) => new(
        BicepReader.StringArray(bicep, "queueNames"),
        new Dictionary<string, string>
        {
            ["inboxContainerName"] = BicepReader.StringValue(bicep, "inboxContainerName"),
            ["invoicesContainerName"] = BicepReader.StringValue(bicep, "invoicesContainerName"),
            ["exportsContainerName"] = BicepReader.StringValue(bicep, "exportsContainerName"),
        },
        BicepReader.StringValue(bicep, "inboxContainerName"),
        BicepReader.ParameterDefault(bicep, "inboxFunctionName"),
        Enum.GetValues<App>().ToDictionary(app => app, app => BicepAppSettingsKeys(bicep, app)));
}
