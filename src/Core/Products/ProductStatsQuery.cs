using Backend.Core.Licensing;
using Dapper;
using Npgsql;

namespace Backend.Core.Products;

/// <summary>The per-product part of the statistics, every product of the catalog included (zeros when it has no license yet).</summary>
public static class ProductStatsQuery
{
    /// <summary>Machines count as seen when their last heartbeat is this recent; their last reported version is their adoption.</summary>
    public static readonly TimeSpan SeenWithin = TimeSpan.FromDays(30);

    /// <param name="product">Null: every product of the catalog; else that product alone.</param>
    public static async Task<IReadOnlyList<ProductStats>> ReadAsync(NpgsqlConnection connection, DateTimeOffset now, DateTimeOffset since, string? product,
        CancellationToken cancellationToken)
    {
        var seenSince = now - SeenWithin;
        var totals = await connection.QueryAsync<(string Product, string Name, long TrialsStarted, long TrialsConverted, long MachinesSeen)>(new CommandDefinition("""
            SELECT p.code, p.name,
                   count(l.id) FILTER (WHERE l.trial_started_at >= @since),
                   count(l.id) FILTER (WHERE l.trial_started_at >= @since AND l.activated_at IS NOT NULL),
                   count(l.id) FILTER (WHERE l.last_heartbeat_at > @seenSince)
            FROM products p LEFT JOIN licenses l ON l.product = p.code
            WHERE @product::text IS NULL OR p.code = @product
            GROUP BY p.code, p.name ORDER BY p.code
            """, new { since, seenSince, product }, cancellationToken: cancellationToken));
        var licenses = (await connection.QueryAsync<(string Product, string Type, string Status, long Count)>(new CommandDefinition($"""
            SELECT product, license_type, {LicenseStatusSql} AS status, count(*) FROM licenses
            WHERE @product::text IS NULL OR product = @product
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, new { now, product }, cancellationToken: cancellationToken))).ToLookup(l => l.Product);
        var versions = (await connection.QueryAsync<(string Product, string Version, long Machines)>(new CommandDefinition("""
            SELECT product, app_version, count(*) FROM licenses
            WHERE app_version IS NOT NULL AND last_heartbeat_at > @seenSince AND (@product::text IS NULL OR product = @product)
            GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
            """, new { seenSince, product }, cancellationToken: cancellationToken))).ToLookup(v => v.Product);
        return totals.Select(t => new ProductStats
        {
            Product = t.Product,
            Name = t.Name,
            Licenses = licenses[t.Product].Select(l => new LicenseCount(l.Type, l.Status, l.Count)).ToList(),
            TrialsStarted = t.TrialsStarted,
            TrialsConverted = t.TrialsConverted,
            MachinesSeen30d = t.MachinesSeen,
            AppVersions = versions[t.Product].Select(v => new VersionCount(v.Version, v.Machines)).ToList(),
        }).ToList();
    }

    /// <summary>As the admin search words a license's status: revoked wins over expired.</summary>
    private const string LicenseStatusSql = "CASE WHEN is_revoked THEN 'revoked' WHEN expires_at <= @now THEN 'expired' ELSE 'active' END";
}
