using Backend.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Invoices;

/// <summary>
/// Takes back invoices the pipeline lost track of: stuck in OCR_PROCESSING past the deadline (a failed attempt, then the
/// usual ladder), or waiting in UPLOADED long past their due time because their job was never sent (sent again under a
/// new token). Run by a timer function in Azure and a background service in SelfHost.
/// </summary>
public sealed class StuckInvoiceSweeper(
    InvoiceStore store,
    OcrAttempt attempt,
    IJobQueue queue,
    TimeProvider time,
    IOptions<InvoicePipelineSettings> settings,
    ILogger<StuckInvoiceSweeper> logger)
{
    private const int BatchSize = 100;

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeSpan.FromSeconds(settings.Value.StuckAfterSeconds);
        var cutoff = time.GetUtcNow() - deadline;
        var returned = 0;
        foreach (var claim in await store.FindStuckAsync(cutoff, BatchSize, cancellationToken))
        {
            var result = await attempt.FailStuckAsync(claim, deadline, cancellationToken);
            if (result.Status is OcrAttemptStatus.RetryScheduled or OcrAttemptStatus.Failed)
            {
                returned++;
                logger.LogWarning("Invoice {InvoiceId} was stuck in OCR_PROCESSING; {Status}", claim.Id, result.Status);
            }
        }
        var requeued = 0;
        foreach (var (id, token) in await store.FindOrphanedAsync(cutoff, BatchSize, cancellationToken))
        {
            var next = Guid.NewGuid();
            if (await store.RequeueOrphanAsync(id, token, next, cancellationToken))
            {
                await queue.EnqueueAsync(QueueNames.OcrJobs, new OcrJob(id, next).ToJson(), cancellationToken: cancellationToken);
                requeued++;
                logger.LogWarning("Invoice {InvoiceId} waited in UPLOADED without a job; OCR job sent again", id);
            }
        }
        return new SweepResult(returned, requeued);
    }
}
