using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Core.Data;

/// <summary>
/// Applies the ordered SQL files embedded under <c>Data/Migrations</c>, each once, each in its own
/// transaction, recorded in <c>schema_migrations</c>. Each transaction first takes a transaction-level
/// advisory lock and re-reads what is applied, so instances starting at the same time serialise: the second
/// waits, then finds nothing left to do. The lock is transaction-scoped, not session-scoped, because in Azure the
/// apps reach PostgreSQL through PgBouncer in transaction pooling mode, where consecutive statements outside a
/// transaction may run on different server sessions (a session lock could be taken on one and never released).
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Arbitrary but fixed: every instance of every app must contend for the same lock.
    private const long AdvisoryLockKey = 0x45_46_4D_49_47; // "EFMIG"

    public static IReadOnlyList<Migration> EmbeddedMigrations { get; } = LoadEmbedded();

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var newlyApplied = new List<string>();
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction, cancellationToken: cancellationToken));
            // In Azure the apps log in with least-privilege roles that may not create anything (infra/postgres/app-roles.sql):
            // an up-to-date schema must start without any DDL, so the table is created only when it is missing.
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regclass('schema_migrations') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
            if (!exists)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    text PRIMARY KEY,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """, transaction: transaction, cancellationToken: cancellationToken));
            }

            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
            var migration = EmbeddedMigrations.FirstOrDefault(m => !applied.Contains(m.Version));
            if (migration is null)
            {
                await transaction.CommitAsync(cancellationToken);
                return newlyApplied;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: 300, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version) VALUES (@version)",
                new { version = migration.Version }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version}", migration.Version);
            newlyApplied.Add(migration.Version);
        }
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "Migrations/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => new Migration(Path.GetFileNameWithoutExtension(n[prefix.Length..]), Read(assembly, n)))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed record Migration(string Version, string Sql);
