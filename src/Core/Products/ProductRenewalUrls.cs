using System.Collections.Concurrent;
using Backend.Core.Licensing;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Products;

/// <summary>
/// The <c>renewal_url</c> of a <c>LICENSE_EXPIRED</c> answer: the product's own, else <c>Licensing__RenewalUrl</c>.
/// Read at most once a minute per product, so expired clients polling validate do not cost a query each.
/// </summary>
public sealed class ProductRenewalUrls(NpgsqlDataSource dataSource, TimeProvider time, IOptions<LicensingSettings> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Url, DateTimeOffset ReadAt)> _urls = new(StringComparer.Ordinal);

    public async Task<string> ForAsync(string product, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_urls.TryGetValue(product, out var known) && now - known.ReadAt < Lifetime)
        {
            return known.Url;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var url = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT renewal_url FROM products WHERE code = @product", new { product }, cancellationToken: cancellationToken));
        url ??= options.Value.RenewalUrl;
        _urls[product] = (url, now);
        return url;
    }
}
