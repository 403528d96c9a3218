using Backend.Core.Http;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Backend.SelfHost.Jobs;

/// <summary>
/// Runs every <see cref="IJobHandler"/> against the PostgreSQL queue with the same contract as the
/// Service Bus trigger: completed on success, dead-lettered on request or past the delivery limit,
/// left to be redelivered (after a short backoff) when the handler throws.
/// </summary>
internal sealed class QueueWorker(
    IEnumerable<IJobHandler> handlers,
    PostgresJobQueue queue,
    QueueSignals signals,
    IOptions<QueueSettings> settings,
    ILogger<QueueWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = handlers
            .SelectMany(handler => Enumerable.Range(0, settings.Value.Concurrency).Select(_ => RunLoopAsync(handler, stoppingToken)))
            .ToList();
        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(IJobHandler handler, CancellationToken stoppingToken)
    {
        var options = settings.Value;
        var visibility = TimeSpan.FromSeconds(options.VisibilityTimeoutSeconds);
        var idleWait = TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await queue.ReceiveAsync(handler.Queue, visibility, stoppingToken);
                if (job is null)
                {
                    await signals.WaitAsync(handler.Queue, idleWait, stoppingToken);
                    continue;
                }
                await ProcessAsync(handler, job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e))
            {
                logger.LogWarning("Queue {Queue} unavailable ({ExceptionType}); retrying", handler.Queue, e.GetType().Name);
                await DelayQuietly(idleWait, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(IJobHandler handler, LeasedJob job, CancellationToken stoppingToken)
    {
        if (job.DeliveryCount > settings.Value.MaxDeliveryCount)
        {
            logger.LogWarning("Job {JobId} on {Queue} exceeded {Max} deliveries; dead-lettering", job.Id, job.Queue, settings.Value.MaxDeliveryCount);
            await queue.DeadLetterAsync(job, "MaxDeliveryCountExceeded", stoppingToken);
            return;
        }
        JobOutcome outcome;
        var message = job.ToMessage();
        using var activity = JobTracing.StartProcessing(handler.Queue, message);
        try
        {
            outcome = await handler.HandleAsync(message, stoppingToken);
            JobTracing.Finish(activity, outcome);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the job back at once rather than waiting out the lease.
            await queue.AbandonAsync(job, TimeSpan.Zero, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            JobTracing.Fail(activity, e);
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, job.DeliveryCount - 1), 60));
            logger.LogWarning(e, "Job {JobId} on {Queue} failed on delivery {DeliveryCount}; redelivering in {Delay}", job.Id, job.Queue, job.DeliveryCount, delay);
            await queue.AbandonAsync(job, delay, stoppingToken);
            return;
        }

        if (outcome.DeadLetterReason is { } reason)
        {
            logger.LogWarning("Job {JobId} on {Queue} dead-lettered: {Reason}", job.Id, job.Queue, reason);
            await queue.DeadLetterAsync(job, reason, stoppingToken);
        }
        else if (!await queue.CompleteAsync(job, stoppingToken))
        {
            logger.LogWarning("Job {JobId} on {Queue} finished after its lease expired; it was redelivered", job.Id, job.Queue);
        }
    }

    private static async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
