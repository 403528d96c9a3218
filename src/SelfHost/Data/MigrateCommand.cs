using Backend.Core;
using Backend.Core.Data;
using Microsoft.Extensions.Options;

namespace Backend.SelfHost.Data;

/// <summary>
/// <c>dotnet Backend.SelfHost.dll migrate</c>: applies the migrations and exits. In Azure the apps' least-privilege
/// roles cannot change the schema, so the server's Entra administrator runs this (its token as the connection
/// string's password) before a deployment whose code needs a new migration, then infra/postgres/app-roles.sql.
/// Reads only the <c>Database__*</c> settings.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddBackendCore(builder.Configuration);
        using var host = builder.Build();
        try
        {
            var applied = await host.Services.GetRequiredService<MigrationRunner>().RunAsync();
            Console.WriteLine(applied.Count == 0 ? "Schema up to date." : $"Applied: {string.Join(", ", applied)}.");
            return 0;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.Failures)}");
            return 2;
        }
    }
}
