using Backend.Core.Data;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Backend.Tests.Foundation;

public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new() { Migrate = false };

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Concurrent_start_applies_each_migration_exactly_once()
    {
        // Eight instances starting together, each with its own pool, as separate processes would.
        var sources = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(_database.ConnectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s => new MigrationRunner(s, NullLogger<MigrationRunner>.Instance).RunAsync()));

            var all = applied.SelectMany(a => a).ToList();
            Assert.Equal(MigrationRunner.EmbeddedMigrations.Select(m => m.Version), all.Order(StringComparer.Ordinal));

            await using var connection = await _database.DataSource.OpenConnectionAsync();
            var recorded = (await connection.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
            Assert.Equal(MigrationRunner.EmbeddedMigrations.Select(m => m.Version), recorded);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        var runner = new MigrationRunner(_database.DataSource, NullLogger<MigrationRunner>.Instance);
        var first = await runner.RunAsync();
        var second = await runner.RunAsync();

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Fact]
    public void Migrations_are_ordered_and_uniquely_versioned()
    {
        var versions = MigrationRunner.EmbeddedMigrations.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(StringComparer.Ordinal), versions);
        Assert.Equal(versions.Count, versions.Select(v => v[..4]).Distinct().Count());
        Assert.All(versions, v => Assert.Matches(@"^\d{4}_[a-z0-9_]+$", v));
    }
}
