using Dapper;
using Npgsql;

namespace Backend.Core.Accounts;

/// <summary>The <c>accounts</c> table: email unique case-insensitively, one role, a tenant for tenant users.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    public async Task<AccountRow?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE lower(email) = lower(@email)", new { email }, cancellationToken: cancellationToken));
    }

    public async Task<AccountRow?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <returns>The new row, or null when the email is taken.</returns>
    public async Task<AccountRow?> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewAccount account, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition($"""
            INSERT INTO accounts (id, email, role, tenant_id, display_name, password_hash, created_at, created_by, password_changed_at)
            VALUES (@Id, @Email, @Role, @TenantId, @DisplayName, @PasswordHash, @CreatedAt, @CreatedBy,
                    CASE WHEN @PasswordHash IS NULL THEN NULL ELSE @CreatedAt END)
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING {AccountRow.Columns}
            """, account, transaction, cancellationToken: cancellationToken));

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE role = 'admin')", cancellationToken: cancellationToken));
    }

    public async Task<(long Total, IReadOnlyList<AccountRow> Rows)> ListAsync(AccountFilter filter, CancellationToken cancellationToken)
    {
        const string where = """
            WHERE (@Role::text IS NULL OR role = @Role)
              AND (@TenantId::uuid IS NULL OR tenant_id = @TenantId)
              AND (@Email::text IS NULL OR lower(email) LIKE '%' || lower(@Email) || '%' ESCAPE '\')
            """;
        var parameters = new
        {
            filter.Role,
            filter.TenantId,
            Email = filter.Email?.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"),
            Limit = filter.PageSize,
            Offset = (filter.Page - 1) * filter.PageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM accounts {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM accounts {where} ORDER BY created_at DESC, id LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken));
        return (total, rows.ToList());
    }

    public async Task RecordLoginAsync(Guid id, DateTimeOffset at, string? upgradedHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET last_login_at = @at, password_hash = COALESCE(@upgradedHash, password_hash) WHERE id = @id",
            new { id, at, upgradedHash }, cancellationToken: cancellationToken));
    }

    /// <summary>Sets or clears (<paramref name="hash"/> null: a reset) the password.</summary>
    public Task SetPasswordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string? hash, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET password_hash = @hash, password_changed_at = @at WHERE id = @id",
            new { id, hash, at }, transaction, cancellationToken: cancellationToken));

    /// <returns>The row after the change, or null when no such account.</returns>
    public Task<AccountRow?> SetDisabledAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset? disabledAt, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition($"""
            UPDATE accounts SET disabled_at = CASE WHEN @disabledAt::timestamptz IS NULL THEN NULL ELSE COALESCE(disabled_at, @disabledAt) END
            WHERE id = @id RETURNING {AccountRow.Columns}
            """, new { id, disabledAt }, transaction, cancellationToken: cancellationToken));
}
