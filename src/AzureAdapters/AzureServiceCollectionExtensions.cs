using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Backend.Core.Configuration;
using Backend.Core.Accounting.Export;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Functions.Azure;

public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IBlobStore"/> over the <see cref="AzureConnections.InvoiceStorage"/> connection, authenticated the way
    /// the blob trigger is (same settings), so the trigger and the adapter cannot disagree about the account.
    /// </summary>
    public static IServiceCollection AddAzureBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        const string connection = AzureConnections.InvoiceStorage;
        var serviceUri = new Uri(Required(configuration, connection, AzureConnections.BlobServiceUri));
        var credential = CredentialFor(configuration, connection);
        services.AddSingleton(_ => new BlobServiceClient(serviceUri, credential, AzureBlobStore.ClientOptions()));
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddSingleton<IExportLinkIssuer, SasExportLinkIssuer>();
        return services;
    }

    /// <summary><see cref="IJobQueue"/> over the <see cref="AzureConnections.ServiceBus"/> connection, and the probe of its queues' age.</summary>
    public static IServiceCollection AddServiceBusJobQueue(this IServiceCollection services, IConfiguration configuration)
    {
        const string connection = AzureConnections.ServiceBus;
        var fullyQualifiedNamespace = Required(configuration, connection, AzureConnections.FullyQualifiedNamespace);
        var credential = CredentialFor(configuration, connection);
        services.AddSingleton(_ => new ServiceBusClient(fullyQualifiedNamespace, credential));
        services.AddSingleton<IJobQueue, ServiceBusJobQueue>();
        services.AddSingleton<ServiceBusQueueAgeProbe>();
        return services;
    }

    /// <summary>
    /// Mirrors how the Functions extensions read an identity-based connection: <c>credential=managedidentity</c> with
    /// <c>clientId</c> selects that user-assigned identity; without <c>credential</c> (a developer machine) the
    /// default chain applies (Azure CLI, Visual Studio, environment).
    /// </summary>
    private static TokenCredential CredentialFor(IConfiguration configuration, string connection)
    {
        var clientId = configuration[AzureConnections.Key(connection, AzureConnections.ClientId)];
        var kind = configuration[AzureConnections.Key(connection, AzureConnections.Credential)];
        if (string.Equals(kind, AzureConnections.ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(clientId) ? null : clientId });
    }

    private static string Required(IConfiguration configuration, string connection, string key) =>
        configuration[AzureConnections.Key(connection, key)] is { Length: > 0 } value
            ? value
            : throw new MissingSettingException(SettingName.Of(connection, key));
}
