using Backend.SelfHost.Data;
using Backend.Tests.Infrastructure;
using Dapper;

namespace Backend.Tests.Foundation;

/// <summary><c>Backend.SelfHost migrate</c>: how the Entra administrator brings an Azure database up to date.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new() { Migrate = false };

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_every_migration_then_finds_nothing_left()
    {
        string[] args = [$"--Database:ConnectionString={_database.ConnectionString}"];

        Assert.Equal(0, await MigrateCommand.RunAsync(args));
        Assert.Equal(0, await MigrateCommand.RunAsync(args));

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(Backend.Core.Data.MigrationRunner.EmbeddedMigrations.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }
}
