using Backend.Core.Audit;
using Backend.Core.Configuration;
using Backend.Core.Data;
using Backend.Core.Health;
using Backend.Core.Jobs;
using Backend.Core.Storage;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>What every host needs: settings, the database, migrations at start-up, the clock.</summary>
    public static IServiceCollection AddBackendCore(this IServiceCollection services, IConfiguration configuration)
    {
        DapperTypeHandlers.Register();
        services.AddSettings<DatabaseSettings>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<DatabaseSettings>>().Value;
            var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
            builder.ConnectionStringBuilder.CommandTimeout = settings.CommandTimeoutSeconds;
            if (settings.UsesManagedIdentity)
            {
                var password = sp.GetService<IDatabasePasswordSource>() ?? throw new InvalidOperationException(
                    $"Setting '{SettingName.Of(DatabaseSettings.SectionName, nameof(DatabaseSettings.Credential))}' is managedidentity, but this host has no Entra token source (Azure adapters only).");
                // Entra tokens live about an hour; new connections get a fresh one well before.
                builder.UsePeriodicPasswordProvider((_, cancellationToken) => password.GetPasswordAsync(cancellationToken),
                    TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
            }
            return builder.Build();
        });
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<AuditTrail>();
        services.AddBackendTelemetry(configuration);
        return services;
    }

    /// <summary>The adapters for running outside Azure: blobs on disk and the PostgreSQL job queue.</summary>
    public static IServiceCollection AddSelfHostedAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BlobStoreSettings>(configuration);
        services.AddSingleton(sp => new FileSystemBlobStore(sp.GetRequiredService<IOptions<BlobStoreSettings>>().Value.RootPath));
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<PostgresJobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<PostgresJobQueue>());
        return services;
    }
}
