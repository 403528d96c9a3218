using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Licensing;

/// <summary>
/// Writes the batched validation bookkeeping and validate rate-limit counters every flush interval,
/// and once more when the host stops gracefully. Flushes never overlap, and a periodic flush already
/// under way is allowed to finish (it is not cancelled by the stop), so the last flush sees everything.
/// </summary>
public sealed class LicenseActivityFlusher(
    LicenseActivityBuffer buffer,
    ValidateRateLimiter limiter,
    TimeProvider time,
    IOptions<LicensingSettings> options,
    ILogger<LicenseActivityFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(5);
    // Never disposed: the host may call StopAsync after disposing services, and the semaphore holds no handle.
    private readonly SemaphoreSlim _flushing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.FlushIntervalMilliseconds);
        using var timer = new PeriodicTimer(interval, time);
        var lastCleanup = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushOnceAsync(CancellationToken.None);
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
        await _flushing.WaitAsync(cancellationToken);
        try
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
        finally
        {
            _flushing.Release();
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
