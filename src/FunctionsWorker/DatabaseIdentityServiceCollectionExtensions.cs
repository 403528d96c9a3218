using Backend.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Functions.Worker;

public static class DatabaseIdentityServiceCollectionExtensions
{
    /// <summary>Lets <c>Database__Credential=managedidentity</c> log in with the app's managed identity (both function apps call it).</summary>
    public static IServiceCollection AddManagedIdentityDatabasePassword(this IServiceCollection services) =>
        services.AddSingleton<IDatabasePasswordSource, ManagedIdentityDatabasePassword>();
}
