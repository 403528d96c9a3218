using Dapper;
using Npgsql;

namespace Backend.Core.Accounting;

/// <summary><c>supplier_accounts</c>: the accounts a tenant has chosen for its suppliers, found by normalized name.</summary>
public sealed class SupplierAccountStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>"  S.A.R.L. Électricité  d'Orléans " and "sarl electricite d orleans" are the same supplier.</summary>
    public static string KeyOf(string supplierName) => ExpenseAccountTable.Normalize(supplierName).Trim();

    public async Task<SupplierAccountOverride?> FindAsync(Guid tenantId, string? supplierName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(supplierName) || KeyOf(supplierName) is not { Length: > 0 } key)
        {
            return null;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SupplierRow>(new CommandDefinition("""
            SELECT expense_account AS ExpenseAccount, supplier_account AS SupplierAccount FROM supplier_accounts WHERE tenant_id = @tenantId AND supplier_key = @key
            """, new { tenantId, key }, cancellationToken: cancellationToken));
        return row is null ? null : new SupplierAccountOverride(row.ExpenseAccount, row.SupplierAccount);
    }

    public async Task SaveAsync(Guid tenantId, string supplierName, SupplierAccountOverride accounts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_accounts (tenant_id, supplier_key, supplier_name, expense_account, supplier_account, updated_at)
            VALUES (@tenantId, @key, @supplierName, @ExpenseAccount, @SupplierAccount, @now)
            ON CONFLICT (tenant_id, supplier_key) DO UPDATE
               SET supplier_name = excluded.supplier_name, expense_account = excluded.expense_account,
                   supplier_account = excluded.supplier_account, updated_at = excluded.updated_at
            """,
            new { tenantId, key = KeyOf(supplierName), supplierName = supplierName.Trim(), accounts.ExpenseAccount, accounts.SupplierAccount, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    private sealed class SupplierRow
    {
        public string? ExpenseAccount { get; init; }
        public string? SupplierAccount { get; init; }
    }
}
