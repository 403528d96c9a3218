using Backend.Core.Jobs;
using Npgsql;

namespace Backend.SelfHost.Jobs;

/// <summary>LISTENs on the queue channel and turns notifications into <see cref="QueueSignals"/>; reconnects when the database comes back.</summary>
internal sealed class QueueNotificationListener(NpgsqlDataSource dataSource, QueueSignals signals, ILogger<QueueNotificationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Notify(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresJobQueue.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                backoff = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning("Queue listener lost its connection ({ExceptionType}); reconnecting", e.GetType().Name);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
