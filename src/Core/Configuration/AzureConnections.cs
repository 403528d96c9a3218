namespace Backend.Core.Configuration;

/// <summary>
/// The identity-based connections of the function apps: the names the triggers' <c>Connection</c> properties use
/// and the keys under them. The Functions host's extensions read these keys, and so do the Azure adapters, so they
/// live in one place that the triggers, the adapters and the configuration-consistency test all read.
/// </summary>
public static class AzureConnections
{
    /// <summary>Invoice blob storage: the inbox blob trigger and the blob store adapter.</summary>
    public const string InvoiceStorage = "InvoiceStorage";

    /// <summary>The Service Bus namespace: the queue triggers and the job queue adapter.</summary>
    public const string ServiceBus = "ServiceBus";

    public const string BlobServiceUri = "blobServiceUri";

    /// <summary>A blob trigger configured by <see cref="BlobServiceUri"/> also needs the queue service (poison messages).</summary>
    public const string QueueServiceUri = "queueServiceUri";

    public const string FullyQualifiedNamespace = "fullyQualifiedNamespace";

    /// <summary><c>managedidentity</c> in Azure; the extensions then authenticate with the identity named by <see cref="ClientId"/>.</summary>
    public const string Credential = "credential";

    /// <summary>Client id of the app's user-assigned managed identity.</summary>
    public const string ClientId = "clientId";

    /// <summary>The value of <see cref="Credential"/> that selects a managed identity.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>Configuration path (<c>Section:key</c>) of a key under a connection.</summary>
    public static string Key(string connection, string key) => $"{connection}:{key}";

    /// <summary>Every key read under the two connections, as <c>Section__key</c>.</summary>
    public static IReadOnlyList<string> AllSettingNames { get; } =
    [
        SettingName.Of(InvoiceStorage, BlobServiceUri),
        SettingName.Of(InvoiceStorage, QueueServiceUri),
        SettingName.Of(InvoiceStorage, Credential),
        SettingName.Of(InvoiceStorage, ClientId),
        SettingName.Of(ServiceBus, FullyQualifiedNamespace),
        SettingName.Of(ServiceBus, Credential),
        SettingName.Of(ServiceBus, ClientId),
    ];
}
