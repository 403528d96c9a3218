using System.Text.Json.Nodes;

namespace Backend.Tests.Configuration;

/// <summary>
/// The three places that list settings, read as key sets, and the rules that say which keys each must hold.
/// This is the one place to edit when a setting section is added (<see cref="AppSections"/>).
/// </summary>
public static class ConfigurationSources
{
    public const string LocalSettingsPath = "local.settings.sample.json";
    public const string SelfHostSettingsPath = "src/SelfHost/appsettings.json";
    public const string BicepPath = BicepCli.MainTemplate;

    public enum App
    {
        License,
        Ocr,
    }

    /// <summary>The module deployment of each app in the compiled template; its <c>appSettings</c> parameter holds the app's settings.</summary>
    public static IReadOnlyDictionary<App, string> BicepAppModule { get; } = new Dictionary<App, string>
    {
        [App.License] = "licenseApp",
        [App.Ocr] = "ocrApp",
    };

    /// <summary>
    /// Which function app needs each setting section. A section the code reads and that is missing here fails the
    /// test with a message asking to add it: deciding where a new setting goes is deliberate.
    /// </summary>
    public static IReadOnlyDictionary<string, App[]> AppSections { get; } = new Dictionary<string, App[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Database"] = [App.License, App.Ocr],
        ["Licensing"] = [App.License],
        ["Partners"] = [App.License],
        ["Accounts"] = [App.License],
        ["AccessTokens"] = [App.License, App.Ocr],
        ["Telemetry"] = [App.License, App.Ocr],
        ["Invoices"] = [App.Ocr],
        ["Ocr"] = [App.Ocr],
        ["Textract"] = [App.Ocr],
        ["Encryption"] = [App.Ocr],
        ["Accounting"] = [App.Ocr],
        ["Claude"] = [App.Ocr],
        ["Export"] = [App.Ocr],
        ["InvoiceStorage"] = [App.Ocr],
        ["ServiceBus"] = [App.Ocr],
        ["Webhooks"] = [App.License, App.Ocr],
        ["Email"] = [App.License],
        ["Events"] = [App.License],
    };

    /// <summary>
    /// Single keys read by other apps than their section's, which take precedence over <see cref="AppSections"/>:
    /// the OCR app creates tenants, an admin operation, so it checks the admin key but needs no other license setting.
    /// </summary>
    public static IReadOnlyDictionary<string, App[]> AppKeys { get; } = new Dictionary<string, App[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Licensing__AdminApiKey"] = [App.License, App.Ocr],
        ["Licensing__AdminApiKeyHashes"] = [App.License, App.Ocr],
    };

    /// <summary>The apps that read <paramref name="key"/>: its own entry in <see cref="AppKeys"/>, else its section's.</summary>
    public static IReadOnlyList<App> AppsReading(SettingKey key) =>
        AppKeys.TryGetValue(key.Name, out var apps) || AppSections.TryGetValue(key.Section, out apps) ? apps : [];

    /// <summary>
    /// Sections only SelfHost reads (no function app sets them): its disk blob store and its PostgreSQL job queue,
    /// which in Azure are Blob storage and Service Bus, and the web app it serves (a static site in Azure).
    /// </summary>
    public static IReadOnlySet<string> SelfHostOnlySections { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "BlobStore",
        "Queue",
        "WebApp",
    };

    /// <summary>
    /// Sections SelfHost does not read, so src/SelfHost/appsettings.json need not (and must not) list them:
    /// the identity-based connections of the Azure adapters and triggers.
    /// </summary>
    public static IReadOnlySet<string> AzureOnlySections { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "InvoiceStorage",
        "ServiceBus",
    };

    /// <summary>Settings read by the Functions host or the platform, not by our code, required in each source.</summary>
    public static IReadOnlyList<string> LocalHostSettings { get; } = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"];

    public static IReadOnlyList<string> BicepHostSettings { get; } =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    /// <summary>ASP.NET Core's own sections in appsettings.json.</summary>
    public static IReadOnlyList<string> SelfHostFrameworkSections { get; } = ["Logging", "AllowedHosts", "Kestrel"];

    /// <summary>Keys of the <c>Values</c> object of local.settings.sample.json.</summary>
    public static IReadOnlyList<string> LocalSettingsKeys(string json)
    {
        var values = JsonNode.Parse(json)?["Values"] as JsonObject
            ?? throw new FormatException($"{LocalSettingsPath} has no Values object.");
        return values.Select(pair => pair.Key).ToList();
    }

    /// <summary>appsettings.json flattened the way configuration flattens it: nested objects and array indexes joined by <c>__</c>.</summary>
    public static IReadOnlyList<string> SelfHostSettingsKeys(string json)
    {
        var keys = new List<string>();
        Flatten(JsonNode.Parse(json), "", keys);
        return keys;
    }

    public static IReadOnlyList<string> BicepAppSettingsKeys(JsonObject template, App app) =>
        AppSettingsOf(template, app).Select(pair => pair.Key).ToList();

    /// <summary>The <c>appSettings</c> object passed to the app's module in the compiled template (ARM JSON).</summary>
    public static JsonObject AppSettingsOf(JsonObject template, App app) =>
        ModuleParameter(template, BicepAppModule[app], "appSettings").AsObject();

    public static JsonNode ModuleParameter(JsonObject template, string module, string parameter) =>
        Module(template, module)["properties"]!["parameters"]![parameter]!["value"]!;

    public static JsonObject Module(JsonObject template, string module) =>
        template["resources"]!.AsArray().Single(resource =>
            resource!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && resource["name"]!.GetValue<string>() == module)!.AsObject();

    private static void Flatten(JsonNode? node, string prefix, List<string> keys)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, prefix.Length == 0 ? name : prefix + SettingKey.Separator + name, keys);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], prefix + SettingKey.Separator + i, keys);
                }
                break;
            default:
                keys.Add(prefix);
                break;
        }
    }
}
