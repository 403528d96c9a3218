using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Dapper;

namespace Backend.Tests.Foundation;

public sealed class PostgresJobQueueTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private PostgresJobQueue _queue = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _queue = new PostgresJobQueue(_database.DataSource);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_job_is_delivered_once_then_completed()
    {
        await _queue.EnqueueAsync("q", "{\"n\":1}");

        var job = await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5));
        Assert.NotNull(job);
        Assert.Equal("{\"n\":1}", job.Body);
        Assert.Equal(1, job.DeliveryCount);
        Assert.Null(await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5)));

        Assert.True(await _queue.CompleteAsync(job));
        Assert.Equal(0, await CountAsync("job_queue"));
    }

    [Fact]
    public async Task Queues_do_not_see_each_other()
    {
        await _queue.EnqueueAsync("a", "1");

        Assert.Null(await _queue.ReceiveAsync("b", TimeSpan.FromMinutes(5)));
        Assert.NotNull(await _queue.ReceiveAsync("a", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_delayed_job_stays_invisible_until_its_time()
    {
        await _queue.EnqueueAsync("q", "later", TimeSpan.FromHours(1));

        Assert.Null(await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task An_expired_lease_redelivers_with_a_higher_count_and_the_old_lease_cannot_complete()
    {
        await _queue.EnqueueAsync("q", "x");
        var first = await _queue.ReceiveAsync("q", TimeSpan.Zero);
        var second = await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.DeliveryCount);
        Assert.False(await _queue.CompleteAsync(first));
        Assert.True(await _queue.CompleteAsync(second));
    }

    [Fact]
    public async Task Abandon_makes_the_job_visible_again()
    {
        await _queue.EnqueueAsync("q", "x");
        var job = await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5));
        Assert.True(await _queue.AbandonAsync(job!, TimeSpan.Zero));

        var again = await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5));
        Assert.Equal(2, again!.DeliveryCount);
    }

    [Fact]
    public async Task Dead_lettering_moves_the_job_with_its_reason()
    {
        await _queue.EnqueueAsync("q", "poison");
        var job = await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5));

        Assert.True(await _queue.DeadLetterAsync(job!, "unparseable body"));

        Assert.Equal(0, await CountAsync("job_queue"));
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var (body, reason, count) = await connection.QuerySingleAsync<(string, string, int)>(
            "SELECT body, reason, delivery_count FROM job_dead_letters");
        Assert.Equal(("poison", "unparseable body", 1), (body, reason, count));
    }

    [Fact]
    public async Task Concurrent_consumers_never_receive_the_same_job()
    {
        const int jobs = 200;
        for (var i = 0; i < jobs; i++)
        {
            await _queue.EnqueueAsync("q", i.ToString());
        }

        var received = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (await _queue.ReceiveAsync("q", TimeSpan.FromMinutes(5)) is { } job)
            {
                received.Add(job.Body);
                await _queue.CompleteAsync(job);
            }
        }));

        Assert.Equal(jobs, received.Count);
        Assert.Equal(jobs, received.Distinct().Count());
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
