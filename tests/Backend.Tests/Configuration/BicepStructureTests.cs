using System.Text.Json.Nodes;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// Facts of the compiled Bicep templates that matter at run time: the names the code and the infrastructure share,
/// the settings each generated trigger needs, and who may touch what.
/// </summary>
public sealed class BicepStructureTests
{
    private static readonly JsonObject Template = BicepCli.CompiledMain();
    private static readonly BicepFacts Bicep = BicepFacts.Read(Template);

    [Fact]
    public void The_queues_are_Core_queue_names()
    {
        Assert.Equal(StringConstants.Of(typeof(QueueNames)).Order(StringComparer.Ordinal), Bicep.QueueNames.Order(StringComparer.Ordinal));
        Assert.Equal("[variables('queueNames')]", ModuleParameter(Template, "serviceBus", "queueNames").GetValue<string>());
    }

    [Fact]
    public void Service_Bus_drops_a_job_sent_twice_for_longer_than_the_retry_ladder()
    {
        var queue = NestedResources(Template, "serviceBus").Single(r => r["type"]!.GetValue<string>() == "Microsoft.ServiceBus/namespaces/queues");
        var properties = queue["properties"]!;

        Assert.True(properties["requiresDuplicateDetection"]!.GetValue<bool>());
        // Invoices__RetryBaseDelaySeconds is at most 3600: the ladder waits at most 1 h + 2 h.
        Assert.True(System.Xml.XmlConvert.ToTimeSpan(properties["duplicateDetectionHistoryTimeWindow"]!.GetValue<string>()) > TimeSpan.FromHours(3));
        Assert.DoesNotContain("Basic", Template["parameters"]!["serviceBusSkuName"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void The_containers_are_Core_container_names()
    {
        var expected = StringConstants.Of(typeof(ContainerNames)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, Bicep.ContainerVariables.Values.Order(StringComparer.Ordinal));
        Assert.Equal(ContainerNames.Inbox, Bicep.InboxContainer);
        Assert.Equal("[variables('inboxContainerName')]", ModuleParameter(Template, "inboxSubscription", "containerName").GetValue<string>());
        Assert.Equal("[parameters('inboxFunctionName')]", ModuleParameter(Template, "inboxSubscription", "functionName").GetValue<string>());
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void Every_generated_trigger_matches_the_deployment(App app)
    {
        var triggers = FunctionMetadata.Triggers(app);

        Assert.Contains(triggers, t => t is { Type: "httpTrigger", FunctionName: "Health" });
        var problems = TriggerRules.Check(triggers, Bicep).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("QueueOcr", "queueName", "ocr-job", "queue 'ocr-job' is not a queue main.bicep creates")]
    [InlineData("QueueOcr", "connection", "Bus", "connection 'Bus' needs app setting 'Bus__fullyQualifiedNamespace'")]
    [InlineData("BlobOcr", "path", "invoices/{name}", "is not in the container the Event Grid subscription watches")]
    [InlineData("BlobOcr", "source", "LogsAndContainerScan", "Source = BlobTriggerSource.EventGrid")]
    [InlineData("BlobOcr", "connection", "", "Connection must name an identity-based connection")]
    [InlineData("GetInvoice", "route", "api/invoices/{id}", "must not carry the 'api' prefix")]
    [InlineData("GetInvoice", "authLevel", "Function", "HTTP functions are Anonymous, Core authenticates")]
    public void A_trigger_that_disagrees_with_the_deployment_is_reported(string function, string property, string value, string expected)
    {
        var metadata = FunctionMetadata.Read(App.Ocr);
        var binding = metadata.Single(f => f!["name"]!.GetValue<string>() == function)!["bindings"]!.AsArray()
            .Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
        Assert.NotNull(binding[property]);
        binding[property] = value;

        var problems = TriggerRules.Check(FunctionMetadata.Triggers(App.Ocr, metadata), Bicep).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_queue_or_event_grid_function_in_Bicep_is_reported()
    {
        var template = BicepCli.CompiledMain();
        template["variables"]!["queueNames"]![0] = "ocr-job";
        template["parameters"]!["inboxFunctionName"]!["defaultValue"] = "InboxOcr";

        var problems = TriggerRules.Check(FunctionMetadata.Triggers(App.Ocr), BicepFacts.Read(template)).ToList();

        Assert.Contains(problems, p => p.Contains("queue 'ocr-jobs' is not a queue main.bicep creates", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the Event Grid subscription calls function 'InboxOcr'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trigger_whose_connection_settings_are_missing_from_its_app_is_reported()
    {
        var template = BicepCli.CompiledMain();
        Assert.True(AppSettingsOf(template, App.Ocr).Remove("InvoiceStorage__queueServiceUri"));

        var problems = TriggerRules.Check(FunctionMetadata.Triggers(App.Ocr), BicepFacts.Read(template)).ToList();

        Assert.Contains(problems, p => p.Contains("needs app setting 'InvoiceStorage__queueServiceUri'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blob_trigger_in_the_license_app_is_reported()
    {
        var blob = FunctionMetadata.Triggers(App.Ocr).Single(t => t.Type == "blobTrigger") with { App = App.License };

        var problems = TriggerRules.Check([blob], Bicep).ToList();

        Assert.Contains(problems, p => p.Contains("only the OCR app receives the inbox events", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonNode> NestedResources(JsonObject template, string module) =>
        Module(template, module)["properties"]!["template"]!["resources"]!.AsArray().Select(r => r!);
}
