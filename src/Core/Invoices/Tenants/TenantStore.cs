using Backend.Core.Security;
using Dapper;
using Npgsql;

namespace Backend.Core.Invoices.Tenants;

/// <summary>Tenants and their API keys (only the keys' SHA-256 is stored).</summary>
public sealed class TenantStore(NpgsqlDataSource dataSource)
{
    /// <returns>The new tenant's id and its API key, shown once and never stored in clear.</returns>
    public async Task<(Guid TenantId, string ApiKey)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var key = ApiKeyHasher.NewKey();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenants (id, name) VALUES (@id, @name)", new { id, name }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenant_api_keys (key_hash, tenant_id, key_prefix) VALUES (@hash, @id, @prefix)",
            new { hash = ApiKeyHasher.Hash(key), id, prefix = ApiKeyHasher.DisplayPrefix(key) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (id, key);
    }

    /// <summary>Every tenant by name. Firms number in the hundreds at most: no paging.</summary>
    public async Task<IReadOnlyList<TenantView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TenantView>(new CommandDefinition(
            "SELECT id AS TenantId, name AS Name, created_at AS CreatedAt FROM tenants ORDER BY name, id", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<Guid?> FindByApiKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT tenant_id FROM tenant_api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash = ApiKeyHasher.Hash(apiKey) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> ExistsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM tenants WHERE id = @tenantId)", new { tenantId }, cancellationToken: cancellationToken));
    }
}
