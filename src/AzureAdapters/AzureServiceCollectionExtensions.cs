using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Functions.Azure;

public static class AzureServiceCollectionExtensions
{
    /// <summary>Setting prefix of the storage connection used by the blob trigger and <see cref="AzureBlobStore"/>.</summary>
    public const string StorageConnection = "InvoiceStorage";

    /// <summary>Setting prefix of the Service Bus connection used by the queue triggers and <see cref="ServiceBusJobQueue"/>.</summary>
    public const string ServiceBusConnection = "ServiceBus";

    /// <summary>Blob storage and Service Bus through the app's user-assigned managed identity.</summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        var clientId = configuration[$"{StorageConnection}:clientId"];
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });

        services.AddSingleton(_ => new BlobServiceClient(
            new Uri(Required(configuration, $"{StorageConnection}:blobServiceUri")), credential));
        services.AddSingleton<IBlobStore, AzureBlobStore>();

        services.AddSingleton(_ => new ServiceBusClient(
            Required(configuration, $"{ServiceBusConnection}:fullyQualifiedNamespace"),
            new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration[$"{ServiceBusConnection}:clientId"] })));
        services.AddSingleton<IJobQueue, ServiceBusJobQueue>();
        return services;
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Setting '{key.Replace(":", "__", StringComparison.Ordinal)}' is missing.");
}
