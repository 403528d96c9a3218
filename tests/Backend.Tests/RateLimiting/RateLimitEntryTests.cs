using Backend.Core.RateLimiting;

namespace Backend.Tests.RateLimiting;

public sealed class RateLimitEntryTests
{
    [Fact]
    public async Task A_load_that_failed_synchronously_is_retried_by_the_next_request()
    {
        var entry = new BatchedRateLimiter.Entry();
        // A refused connection to a stopped database can fault before the first real await.
        var failed = entry.LoadAsync(() => Task.FromException<(int, DateTimeOffset)>(new InvalidOperationException("database down")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.False(entry.Loaded);

        var windowEnd = DateTimeOffset.UnixEpoch.AddHours(1);
        await entry.LoadAsync(() => Task.FromResult((7, windowEnd)));

        Assert.True(entry.Loaded);
        Assert.Equal(7, entry.Flushed);
        Assert.Equal(windowEnd, entry.WindowEndsAt);
    }

    [Fact]
    public async Task A_cancelled_load_is_retried_by_the_next_request()
    {
        var entry = new BatchedRateLimiter.Entry();
        var cancelled = entry.LoadAsync(() => Task.FromCanceled<(int, DateTimeOffset)>(new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        await entry.LoadAsync(() => Task.FromResult((1, DateTimeOffset.UnixEpoch)));

        Assert.True(entry.Loaded);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_load()
    {
        var entry = new BatchedRateLimiter.Entry();
        var gate = new TaskCompletionSource<(int, DateTimeOffset)>();
        var calls = 0;

        var first = entry.LoadAsync(() => { calls++; return gate.Task; });
        var second = entry.LoadAsync(() => { calls++; return gate.Task; });
        gate.SetResult((2, DateTimeOffset.UnixEpoch));
        await Task.WhenAll(first, second);

        Assert.Equal(1, calls);
        Assert.Same(first, second);
    }
}
