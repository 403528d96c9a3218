using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Licensing;

/// <summary>
/// Writes the batched validation bookkeeping and validate rate-limit counters every flush interval,
/// and once more when the host stops gracefully.
/// </summary>
public sealed class LicenseActivityFlusher(
    LicenseActivityBuffer buffer,
    ValidateRateLimiter limiter,
    TimeProvider time,
    IOptions<LicensingSettings> options,
    ILogger<LicenseActivityFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds);
        using var timer = new PeriodicTimer(interval, time);
        var lastCleanup = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushOnceAsync(stoppingToken);
                if (time.GetUtcNow() - lastCleanup > CleanupEvery)
                {
                    lastCleanup = time.GetUtcNow();
                    await CleanupAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The server has stopped taking requests by now: this flush is the last word.
        await FlushOnceAsync(cancellationToken);
    }

    private async Task FlushOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await limiter.Limiter.FlushAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Flushing validate rate-limit counters failed ({ExceptionType}); retrying next interval", e.GetType().Name);
        }
        try
        {
            await buffer.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Flushing {Count} validation events failed ({ExceptionType}); retrying next interval", buffer.PendingCount, e.GetType().Name);
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        try
        {
            await limiter.DeleteExpiredWindowsAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Deleting expired rate-limit windows failed ({ExceptionType})", e.GetType().Name);
        }
    }
}
