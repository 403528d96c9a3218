using Backend.Core.RateLimiting;
using Backend.Tests.Infrastructure;
using Dapper;

namespace Backend.Tests.RateLimiting;

public sealed class BatchedRateLimiterTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly RateLimitRule Rule = new() { Limit = 5, WindowSeconds = 60 };

    [Fact]
    public async Task A_new_instance_starts_from_the_shared_count()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO license_rate_limits (bucket, subject, window_started_at, window_ends_at, hits)
                VALUES ('validate', '198.51.100.7', @now, @ends, 4)
                """, new { now, ends = now.AddSeconds(30) });
        }
        var limiter = new BatchedRateLimiter(database.DataSource, "validate", Rule);

        Assert.True((await limiter.HitAsync("198.51.100.7", now, default)).Allowed);
        var denied = await limiter.HitAsync("198.51.100.7", now, default);

        Assert.False(denied.Allowed);
        Assert.Equal(30, denied.RetryAfterSeconds);
    }

    [Fact]
    public async Task Two_instances_share_the_limit_through_their_flushes()
    {
        var now = DateTimeOffset.UtcNow;
        var a = new BatchedRateLimiter(database.DataSource, "validate", Rule);
        var b = new BatchedRateLimiter(database.DataSource, "validate", Rule);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await a.HitAsync("198.51.100.8", now, default)).Allowed);
        }
        await a.FlushAsync(now, default);
        Assert.True((await b.HitAsync("198.51.100.8", now, default)).Allowed);
        Assert.True((await b.HitAsync("198.51.100.8", now, default)).Allowed);

        Assert.False((await b.HitAsync("198.51.100.8", now, default)).Allowed);
        await b.FlushAsync(now, default);
        // a learns b's hits at its next flush and refuses from then on.
        await a.FlushAsync(now, default);
        Assert.False((await a.HitAsync("198.51.100.8", now, default)).Allowed);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT hits FROM license_rate_limits WHERE subject = '198.51.100.8'"));
    }

    [Fact]
    public async Task A_window_that_ended_starts_over()
    {
        var now = DateTimeOffset.UtcNow;
        var limiter = new BatchedRateLimiter(database.DataSource, "validate", Rule);
        for (var i = 0; i < 5; i++)
        {
            await limiter.HitAsync("198.51.100.9", now, default);
        }
        await limiter.FlushAsync(now, default);
        Assert.False((await limiter.HitAsync("198.51.100.9", now.AddSeconds(59), default)).Allowed);

        Assert.True((await limiter.HitAsync("198.51.100.9", now.AddSeconds(61), default)).Allowed);
        await limiter.FlushAsync(now.AddSeconds(61), default);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT hits FROM license_rate_limits WHERE subject = '198.51.100.9'"));
    }

    [Fact]
    public async Task Hits_being_flushed_still_count()
    {
        var now = DateTimeOffset.UtcNow;
        var limiter = new BatchedRateLimiter(database.DataSource, "validate", new RateLimitRule { Limit = 3, WindowSeconds = 60 });
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.HitAsync("198.51.100.10", now, default)).Allowed);
        }
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Hold the row lock so the flush stays under way while we ask again.
        await connection.ExecuteAsync("""
            INSERT INTO license_rate_limits (bucket, subject, window_started_at, window_ends_at, hits)
            VALUES ('validate', '198.51.100.10', @now, @ends, 0)
            """, new { now, ends = now.AddSeconds(60) }, transaction);
        var flush = limiter.FlushAsync(now, default);

        Assert.False((await limiter.HitAsync("198.51.100.10", now, default)).Allowed);
        await transaction.CommitAsync();
        await flush;
        Assert.False((await limiter.HitAsync("198.51.100.10", now, default)).Allowed);
    }
}
