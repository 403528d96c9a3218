using Backend.Core.RateLimiting;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>The batched limiter of <c>POST licenses/validate</c> (per client IP), shared by the handler and the flusher.</summary>
public sealed class ValidateRateLimiter(NpgsqlDataSource dataSource, IOptions<LicensingSettings> options)
{
    public BatchedRateLimiter Limiter { get; } = new(dataSource, RateLimitBuckets.Validate, options.Value.RateLimits.Validate, options.Value.RateLimits.MaxTrackedClients);

    /// <summary>Rows of every bucket whose window is over carry no information any more.</summary>
    public async Task DeleteExpiredWindowsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM license_rate_limits WHERE window_ends_at < @now", new { now }, cancellationToken: cancellationToken));
    }
}
