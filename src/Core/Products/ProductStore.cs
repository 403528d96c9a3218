using Dapper;
using Npgsql;

namespace Backend.Core.Products;

/// <summary>The product catalog in <c>products</c>; every method takes the caller's connection (and transaction).</summary>
public static class ProductStore
{
    private const string Columns = "code, name, trial_days, license_types, renewal_url, created_at, updated_at";

    public static Task<Product?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string code, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(
            $"SELECT {Columns} FROM products WHERE code = @code", new { code }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Product>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Product>(new CommandDefinition(
            $"SELECT {Columns} FROM products ORDER BY code", cancellationToken: cancellationToken))).ToList();

    /// <summary>Null when the code is taken.</summary>
    public static Task<Product?> InsertAsync(NpgsqlConnection connection, Product product, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition($"""
            INSERT INTO products (code, name, trial_days, license_types, renewal_url, created_at, updated_at)
            VALUES (@Code, @Name, @TrialDays, @LicenseTypes, @RenewalUrl, @CreatedAt, @CreatedAt)
            ON CONFLICT (code) DO NOTHING
            RETURNING {Columns}
            """, new { product.Code, product.Name, product.TrialDays, LicenseTypes = product.LicenseTypes.ToArray(), product.RenewalUrl, product.CreatedAt },
            cancellationToken: cancellationToken));

    /// <summary>Changes the given fields (null: unchanged; an empty renewal URL clears it); null when the product is unknown.</summary>
    public static Task<Product?> UpdateAsync(NpgsqlConnection connection, string code, string? name, int? trialDays, IReadOnlyList<string>? licenseTypes,
        string? renewalUrl, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition($"""
            UPDATE products SET name = coalesce(@name, name), trial_days = coalesce(@trialDays, trial_days),
                                license_types = coalesce(@licenseTypes, license_types),
                                renewal_url = CASE WHEN @renewalUrl::text IS NULL THEN renewal_url ELSE nullif(@renewalUrl, '') END,
                                updated_at = @now
            WHERE code = @code
            RETURNING {Columns}
            """, new { code, name, trialDays, licenseTypes = licenseTypes?.ToArray(), renewalUrl, now }, cancellationToken: cancellationToken));
}
