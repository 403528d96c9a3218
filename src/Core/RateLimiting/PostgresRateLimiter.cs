using Dapper;
using Npgsql;

namespace Backend.Core.RateLimiting;

/// <summary>
/// Exact limits shared by every instance: one atomic upsert per request on <c>license_rate_limits</c>.
/// Windows are anchored at the first request they count: a subject gets at most <c>Limit</c> requests from
/// that moment until the window ends. Used where traffic is low and exactness matters (trial, activate, heartbeat).
/// </summary>
public sealed class PostgresRateLimiter(NpgsqlDataSource dataSource)
{
    internal const string UpsertSql = """
        INSERT INTO license_rate_limits AS r (bucket, subject, window_started_at, window_ends_at, hits)
        VALUES (@Bucket, @Subject, @Now, @Now + @Window, @Hits)
        ON CONFLICT (bucket, subject) DO UPDATE SET
            window_started_at = CASE WHEN r.window_ends_at <= @Now THEN @Now ELSE r.window_started_at END,
            window_ends_at    = CASE WHEN r.window_ends_at <= @Now THEN @Now + @Window ELSE r.window_ends_at END,
            hits              = CASE WHEN r.window_ends_at <= @Now THEN @Hits ELSE r.hits + @Hits END
        RETURNING hits, window_ends_at
        """;

    public async Task<RateLimitDecision> HitAsync(string bucket, string subject, RateLimitRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (hits, windowEndsAt) = await connection.QuerySingleAsync<(int, DateTimeOffset)>(new CommandDefinition(UpsertSql,
            new { Bucket = bucket, Subject = subject, Now = now, Window = rule.Window, Hits = 1 }, cancellationToken: cancellationToken));
        return hits <= rule.Limit ? RateLimitDecision.Allow : RateLimitDecision.Deny(windowEndsAt, now);
    }
}
