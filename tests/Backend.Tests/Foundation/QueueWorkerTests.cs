using System.Collections.Concurrent;
using Backend.Core.Jobs;
using Backend.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Foundation;

public sealed class QueueWorkerTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly RecordingHandler _handler = new();
    private SelfHostFactory _factory = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new SelfHostFactory(_database.ConnectionString);
        _factory.Settings["Queue:MaxDeliveryCount"] = "2";
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Handles_completes_retries_and_dead_letters_like_service_bus()
    {
        await using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IJobHandler>(_handler)));
        app.CreateClient();
        var queue = app.Services.GetRequiredService<IJobQueue>();

        await queue.EnqueueAsync("test-queue", "ok");
        await queue.EnqueueAsync("test-queue", "fail-once");
        await queue.EnqueueAsync("test-queue", "always-fail");
        await queue.EnqueueAsync("test-queue", "poison");

        await Eventually.TrueAsync(async () => await CountAsync("job_queue") == 0, because: "every job leaves the queue");

        Assert.Equal([1], _handler.Deliveries["ok"]);
        Assert.Equal([1, 2], _handler.Deliveries["fail-once"]);
        Assert.Equal([1, 2], _handler.Deliveries["always-fail"]);
        Assert.Equal([1], _handler.Deliveries["poison"]);

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var dead = (await connection.QueryAsync<(string Body, string Reason)>("SELECT body, reason FROM job_dead_letters ORDER BY body")).ToList();
        Assert.Equal([("always-fail", "MaxDeliveryCountExceeded"), ("poison", "not a job")], dead);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    private sealed class RecordingHandler : IJobHandler
    {
        public ConcurrentDictionary<string, List<int>> Deliveries { get; } = new();

        public string Queue => "test-queue";

        public Task<JobOutcome> HandleAsync(JobMessage message, CancellationToken cancellationToken)
        {
            Deliveries.AddOrUpdate(message.Body, _ => [message.DeliveryCount], (_, list) => [.. list, message.DeliveryCount]);
            return message.Body switch
            {
                "poison" => Task.FromResult(JobOutcome.DeadLetter("not a job")),
                "fail-once" when message.DeliveryCount == 1 => throw new InvalidOperationException("transient"),
                "always-fail" => throw new InvalidOperationException("broken"),
                _ => Task.FromResult(JobOutcome.Completed),
            };
        }
    }
}
