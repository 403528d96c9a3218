using Backend.Core.Data;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Backend.Tests.Infrastructure;

/// <summary>
/// A fresh database on the test cluster started by <c>scripts/test.sh</c>, migrated, dropped on dispose.
/// Each test class gets its own, so classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("BACKEND_TEST_PG")
        ?? "Host=127.0.0.1;Port=54329;Database=postgres;Username=backend;Password=backend-local";

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Set false to get an empty database (the migration tests apply migrations themselves).</summary>
    public bool Migrate { get; init; } = true;

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync($"CREATE DATABASE \"{Name}\"");
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        if (Migrate)
        {
            await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).RunAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                // An autovacuum worker (another role) was on the database; FORCE may not end it, it ends by itself.
                await Task.Delay(100);
            }
        }
    }
}
