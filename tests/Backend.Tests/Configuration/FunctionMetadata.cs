using System.Reflection;
using System.Text.Json.Nodes;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// The functions.metadata the Worker SDK generates when it builds each app (the test project references both apps,
/// so they are built, in the same configuration, before the tests run). It is what the Functions host indexes.
/// </summary>
public static class FunctionMetadata
{
    public static readonly IReadOnlyDictionary<App, string> Projects = new Dictionary<App, string>
    {
        [App.License] = "src/LicenseFunctions",
        [App.Ocr] = "src/OcrFunctions",
    };

    /// <summary>The app's own build output (not the test's, which also holds SelfHost's appsettings.json).</summary>
    public static string OutputDirectory(App app)
    {
        var configuration = typeof(FunctionMetadata).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return RepositoryFiles.PathOf($"{Projects[app]}/bin/{configuration}/net10.0");
    }

    public static JsonArray Read(App app)
    {
        var path = Path.Combine(OutputDirectory(app), "functions.metadata");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: build the function app.");
        }
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    public static IReadOnlyList<FunctionTrigger> Triggers(App app, JsonArray metadata) =>
        metadata.Select(function => new FunctionTrigger(app,
                function!["name"]!.GetValue<string>(),
                function["bindings"]!.AsArray().Single(binding => binding!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!.AsObject()))
            .ToList();

    public static IReadOnlyList<FunctionTrigger> Triggers(App app) => Triggers(app, Read(app));
}
