using System.Text.Json.Nodes;
using Backend.Core.Data;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

public sealed class ConfigurationConsistencyTests
{
    private static readonly string LocalJson = RepositoryFiles.Read(LocalSettingsPath);
    private static readonly string SelfHostJson = RepositoryFiles.Read(SelfHostSettingsPath);
    private static readonly JsonObject Bicep = BicepCli.CompiledMain();

    private static readonly ConfigurationConsistency Checker = new(CodeSettingKeys.All);

    [Fact]
    public void The_code_keys_include_the_foundation_settings_and_the_direct_reads()
    {
        var names = CodeSettingKeys.All.Select(k => k.Name).ToList();

        Assert.Contains(typeof(DatabaseSettings), CodeSettingKeys.SettingsTypes);
        Assert.Contains("Database__ConnectionString", names);
        Assert.Contains("Database__CommandTimeoutSeconds", names);
        Assert.Contains("Queue__MaxDeliveryCount", names);
        Assert.Contains("BlobStore__RootPath", names);
        Assert.Contains("InvoiceStorage__blobServiceUri", names);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", names);
    }

    [Fact]
    public void Every_source_lists_exactly_the_settings_the_code_reads()
    {
        var problems = Check(LocalJson, SelfHostJson, Bicep);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static TheoryData<string> LocalKeys() => [.. LocalSettingsKeys(LocalJson).Where(IsCodeKey)];

    [Theory]
    [MemberData(nameof(LocalKeys))]
    public void A_key_removed_from_local_settings_is_reported(string key)
    {
        var json = JsonNode.Parse(LocalJson)!;
        Assert.True(json["Values"]!.AsObject().Remove(key));

        var problems = Check(json.ToJsonString(), SelfHostJson, Bicep);

        Assert.Contains($"{ConfigurationConsistency.LocalSource}: missing '{CodeKeyOf(key)}'.", problems, Matching);
    }

    public static TheoryData<string> SelfHostKeys() => [.. SelfHostSettingsKeys(SelfHostJson).Where(IsCodeKey)];

    [Theory]
    [MemberData(nameof(SelfHostKeys))]
    public void A_key_removed_from_SelfHost_appsettings_is_reported(string key)
    {
        var json = JsonNode.Parse(SelfHostJson)!;
        var segments = key.Split(SettingKey.Separator);
        var parent = segments[..^1].Aggregate(json, (node, segment) => node[segment]!);
        Assert.True(parent.AsObject().Remove(segments[^1]));

        var problems = Check(LocalJson, json.ToJsonString(), Bicep);

        Assert.Contains($"{ConfigurationConsistency.SelfHostSource}: missing '{CodeKeyOf(key)}'.", problems, Matching);
    }

    public static TheoryData<App, string> BicepKeys()
    {
        var data = new TheoryData<App, string>();
        foreach (var app in Enum.GetValues<App>())
        {
            foreach (var key in BicepAppSettingsKeys(Bicep, app))
            {
                data.Add(app, key);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BicepKeys))]
    public void A_key_removed_from_an_app_in_Bicep_is_reported(App app, string key)
    {
        var bicep = BicepCli.CompiledMain();
        Assert.True(AppSettingsOf(bicep, app).Remove(key));

        var problems = Check(LocalJson, SelfHostJson, bicep);

        var expected = BicepHostSettings.Contains(key)
            ? $"{ConfigurationConsistency.BicepSource(app)}: missing the host setting '{key}'."
            : $"{ConfigurationConsistency.BicepSource(app)}: missing '{CodeKeyOf(key)}'.";
        Assert.Contains(expected, problems, Matching);
    }

    [Fact]
    public void A_key_no_code_reads_is_reported_in_each_source()
    {
        var local = JsonNode.Parse(LocalJson)!;
        local["Values"]!["Database__Retries"] = "3";
        var selfHost = JsonNode.Parse(SelfHostJson)!;
        selfHost["Database"]!["Retries"] = 3;
        var bicep = BicepCli.CompiledMain();
        AppSettingsOf(bicep, App.License)["Database__Retries"] = "3";
        AppSettingsOf(bicep, App.Ocr)["Database__Retries"] = "3";

        var problems = Check(local.ToJsonString(), selfHost.ToJsonString(), bicep);

        Assert.Contains($"{ConfigurationConsistency.LocalSource}: 'Database__Retries' is not read by the code that uses this source.", problems, Matching);
        Assert.Contains($"{ConfigurationConsistency.SelfHostSource}: 'Database__Retries' is not read by the code that uses this source.", problems, Matching);
        Assert.Contains($"{ConfigurationConsistency.BicepSource(App.License)}: 'Database__Retries' is not read by the code that uses this source.", problems, Matching);
        Assert.Contains($"{ConfigurationConsistency.BicepSource(App.Ocr)}: 'Database__Retries' is not read by the code that uses this source.", problems, Matching);
    }

    [Fact]
    public void A_setting_given_to_the_app_that_does_not_read_it_is_reported()
    {
        var bicep = BicepCli.CompiledMain();
        AppSettingsOf(bicep, App.License)["ServiceBus__fullyQualifiedNamespace"] = "x.servicebus.windows.net";

        var problems = Check(LocalJson, SelfHostJson, bicep);

        Assert.Contains($"{ConfigurationConsistency.BicepSource(App.License)}: 'ServiceBus__fullyQualifiedNamespace' is not read by the code that uses this source.", problems, Matching);
    }

    [Fact]
    public void An_Azure_only_setting_in_SelfHost_appsettings_is_reported()
    {
        var json = JsonNode.Parse(SelfHostJson)!;
        json["ServiceBus"] = new JsonObject { ["fullyQualifiedNamespace"] = "x" };

        var problems = Check(LocalJson, json.ToJsonString(), Bicep);

        Assert.Contains($"{ConfigurationConsistency.SelfHostSource}: 'ServiceBus__fullyQualifiedNamespace' is not read by the code that uses this source.", problems, Matching);
    }

    [Fact]
    public void A_section_with_no_app_mapping_is_reported()
    {
        var checker = new ConfigurationConsistency([.. CodeSettingKeys.All, new SettingKey("Mystery__Key")]);

        var problems = checker.Check(LocalSettingsKeys(LocalJson), SelfHostSettingsKeys(SelfHostJson),
            Enum.GetValues<App>().ToDictionary(app => app, app => BicepAppSettingsKeys(Bicep, app)));

        Assert.Contains("Section 'Mystery' is read by the code but ConfigurationSources.AppSections does not say which app needs it.", problems, Matching);
    }

    private static List<string> Check(string localJson, string selfHostJson, JsonObject bicep) =>
        Checker.Check(LocalSettingsKeys(localJson), SelfHostSettingsKeys(selfHostJson),
            Enum.GetValues<App>().ToDictionary(app => app, app => BicepAppSettingsKeys(bicep, app)));

    private static bool IsCodeKey(string key) => CodeSettingKeys.All.Any(code => code.Matches(key));

    /// <summary>The key as the code reads it: a dictionary entry such as <c>Encryption__Keys__v1</c> is reported as <c>Encryption__Keys__*</c>.</summary>
    private static string CodeKeyOf(string key) => CodeSettingKeys.All.First(code => code.Matches(key)).Name;

    private static readonly IEqualityComparer<string> Matching = StringComparer.Ordinal;
}
