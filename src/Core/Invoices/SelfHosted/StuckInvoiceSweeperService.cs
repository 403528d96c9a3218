using Backend.Core.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Invoices.SelfHosted;

/// <summary>SelfHost's stand-in for the StuckInvoiceSweeper timer function.</summary>
public sealed class StuckInvoiceSweeperService(
    StuckInvoiceSweeper sweeper,
    IOptions<InvoicePipelineSettings> settings,
    ILogger<StuckInvoiceSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.SweepIntervalSeconds));
        do
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (UnhandledExceptionResult.IsTransientDependencyFailure(e))
            {
                logger.LogWarning("Stuck-invoice sweep skipped: database unavailable ({ExceptionType})", e.GetType().Name);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Stuck-invoice sweep failed; trying again at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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
