using Backend.Core.Invoices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Backend.OcrFunctions;

/// <summary>Every five minutes (one instance at a time: timer triggers are singletons) takes back lost invoices.</summary>
public sealed class StuckInvoiceSweeperFunction(StuckInvoiceSweeper sweeper, ILogger<StuckInvoiceSweeperFunction> logger)
{
    [Function("StuckInvoiceSweeper")]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(cancellationToken);
        if (result.Returned + result.Requeued > 0)
        {
            logger.LogWarning("Sweep: {Returned} invoice(s) taken back from OCR_PROCESSING, {Requeued} lost job(s) sent again", result.Returned, result.Requeued);
        }
    }
}
