using Backend.Core.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Events.SelfHosted;

/// <summary>SelfHost's stand-in for the LicenseExpiryScan timer function.</summary>
public sealed class LicenseExpiryScanService(LicenseExpiryScan scan, IOptions<EventsSettings> settings, ILogger<LicenseExpiryScanService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.ExpiryScanIntervalSeconds));
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var recorded = await scan.ScanAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Expiry scan: {Count} license event(s) recorded", recorded);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e))
            {
                logger.LogWarning("Expiry scan skipped: database unavailable ({ExceptionType})", e.GetType().Name);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Expiry scan failed; trying again at the next interval");
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
