using System.Reflection;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using static Backend.Tests.Configuration.ConfigurationSources;

namespace Backend.Tests.Configuration;

/// <summary>
/// Facts of the Bicep templates that matter at run time, checked without an Azure CLI: the names the code and
/// the infrastructure share, and the settings each trigger needs.
/// </summary>
public sealed class BicepStructureTests
{
    private static readonly BicepFacts Bicep = BicepFacts.Read(RepositoryFiles.Read(BicepPath));

    private static readonly IReadOnlyDictionary<App, string> FunctionProjects = new Dictionary<App, string>
    {
        [App.License] = "src/LicenseFunctions",
        [App.Ocr] = "src/OcrFunctions",
    };

    [Fact]
    public void The_queues_are_Core_queue_names()
    {
        Assert.Equal(ConstantsOf(typeof(QueueNames)).Order(StringComparer.Ordinal), Bicep.QueueNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_containers_are_Core_container_names()
    {
        var expected = ConstantsOf(typeof(ContainerNames)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, Bicep.ContainerVariables.Values.Order(StringComparer.Ordinal));
        Assert.Equal(ContainerNames.Inbox, Bicep.InboxContainer);
        Assert.Equal(ContainerNames.Invoices, Bicep.ContainerVariables["invoicesContainerName"]);
        Assert.Equal(ContainerNames.Exports, Bicep.ContainerVariables["exportsContainerName"]);
    }

    [Theory]
    [InlineData(App.License)]
    [InlineData(App.Ocr)]
    public void Every_trigger_matches_the_deployment(App app)
    {
        var triggers = TriggerScanner.ScanDirectory(RepositoryFiles.PathOf(FunctionProjects[app]));

        // The scanner reads the real sources: at least the health function's HTTP trigger is there.
        Assert.Contains(triggers, t => t is { Kind: "HttpTrigger", FunctionName: "Health" });
        var problems = TriggerRules.Check(app, triggers, Bicep).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private const string SampleOcrFunction = """
        public sealed class BlobOcr(InboxHandler handler)
        {
            [Function("BlobOcr")]
            public Task Run([BlobTrigger(ContainerNames.Inbox + "/{tenant}/{name}", Source = BlobTriggerSource.EventGrid, Connection = AzureConnections.InvoiceStorage)] BlobClient blob) => handler.HandleAsync(blob);
        }

        public sealed class QueueOcr(OcrJobHandler handler)
        {
            [Function(nameof(QueueOcr))]
            public Task Run([ServiceBusTrigger(QueueNames.OcrJobs, Connection = AzureConnections.ServiceBus)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions) => handler.RunAsync(message, actions);
        }

        public sealed class Invoices(InvoiceHandler handler)
        {
            [Function("GetInvoice")]
            public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = $"{HealthRoutes.Health}/x")] HttpRequest request) => handler.GetAsync(request);
        }
        """;

    [Fact]
    public void The_scanner_reads_trigger_attributes()
    {
        var triggers = TriggerScanner.Scan("Sample.cs", SampleOcrFunction);

        Assert.Equal(["BlobTrigger", "ServiceBusTrigger", "HttpTrigger"], triggers.Select(t => t.Kind));
        Assert.Equal(["BlobOcr", "QueueOcr", "GetInvoice"], triggers.Select(t => t.FunctionName));
        Assert.Equal("inbox/{tenant}/{name}", ConstantExpression.Evaluate(triggers[0].Target));
        Assert.Equal("InvoiceStorage", ConstantExpression.Evaluate(triggers[0].NamedArgument("Connection")));
        Assert.Equal("ocr-jobs", ConstantExpression.Evaluate(triggers[1].Target));
        Assert.Equal("health/x", ConstantExpression.Evaluate(triggers[2].NamedArgument("Route")));
    }

    [Fact]
    public void Triggers_that_agree_with_the_deployment_pass()
    {
        var triggers = TriggerScanner.Scan("Sample.cs", SampleOcrFunction);

        Assert.Empty(TriggerRules.Check(App.Ocr, triggers, Bicep with { InboxFunctionName = "BlobOcr" }));
    }

    [Theory]
    [InlineData("ContainerNames.Inbox + \"/{tenant}/{name}\"", "ContainerNames.Invoices + \"/{tenant}/{name}\"", "is not in the container the Event Grid subscription watches")]
    [InlineData("Source = BlobTriggerSource.EventGrid, ", "", "Source = BlobTriggerSource.EventGrid")]
    [InlineData("[Function(\"BlobOcr\")]", "[Function(\"InboxOcr\")]", "the Event Grid subscription calls function 'BlobOcr'")]
    [InlineData("QueueNames.OcrJobs", "\"ocr-job\"", "queue 'ocr-job' is not a queue main.bicep creates")]
    [InlineData("Connection = AzureConnections.ServiceBus", "Connection = \"Bus\"", "connection 'Bus' needs app setting 'Bus__fullyQualifiedNamespace'")]
    [InlineData(", Connection = AzureConnections.InvoiceStorage", "", "Connection must name an identity-based connection")]
    [InlineData("Route = $\"{HealthRoutes.Health}/x\"", "Route = \"api/invoices\"", "must not carry the 'api' prefix")]
    [InlineData("AuthorizationLevel.Function, \"get\", Route = $\"{HealthRoutes.Health}/x\"", "AuthorizationLevel.Anonymous, \"get\", Route = \"v1/admin/tenants\"", "must require a Functions key")]
    public void Triggers_that_disagree_with_the_deployment_are_reported(string original, string replacement, string expected)
    {
        Assert.Contains(original, SampleOcrFunction);
        var triggers = TriggerScanner.Scan("Sample.cs", SampleOcrFunction.Replace(original, replacement, StringComparison.Ordinal));

        var problems = TriggerRules.Check(App.Ocr, triggers, Bicep with { InboxFunctionName = "BlobOcr" }).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_trigger_whose_connection_settings_are_missing_from_its_app_is_reported()
    {
        var triggers = TriggerScanner.Scan("Sample.cs", SampleOcrFunction);
        var withoutQueueUri = Bicep.AppSettings.ToDictionary(pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value.Where(k => k != "InvoiceStorage__queueServiceUri").ToList());

        var problems = TriggerRules.Check(App.Ocr, triggers, Bicep with { InboxFunctionName = "BlobOcr", AppSettings = withoutQueueUri }).ToList();

        Assert.Contains(problems, p => p.Contains("needs app setting 'InvoiceStorage__queueServiceUri'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_blob_trigger_in_the_license_app_is_reported()
    {
        var triggers = TriggerScanner.Scan("Sample.cs", SampleOcrFunction).Where(t => t.Kind == "BlobTrigger");

        var problems = TriggerRules.Check(App.License, triggers, Bicep with { InboxFunctionName = "BlobOcr" }).ToList();

        Assert.Contains(problems, p => p.Contains("only the OCR app receives the inbox events", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
}
