using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Backend.Core.Invoices;

/// <summary>The <c>ocr-jobs</c> queue trigger body, run by Service Bus in Azure and by the PostgreSQL queue worker in SelfHost.</summary>
public sealed class OcrJobHandler(OcrAttempt attempt, InvoiceStore store, IOcrEngine engine, InvoicePipelineMetrics metrics, ILogger<OcrJobHandler> logger) : IJobHandler
{
    public string Queue => QueueNames.OcrJobs;

    public async Task<JobOutcome> HandleAsync(JobMessage message, CancellationToken cancellationToken)
    {
        var job = OcrJob.TryParse(message.Body);
        if (job is null)
        {
            return JobOutcome.DeadLetter("Body is not an OCR job ({\"invoiceId\":uuid,\"token\":uuid}).");
        }
        var result = await attempt.RunAsync(job, cancellationToken);
        metrics.OcrAttempted(OcrEngineSelector.NameOf(engine), result.Status.ToString(), result.Timings.Total);
        // Nothing to claim is normal for a duplicate; for an invoice that does not exist at all the message is poison.
        if (result.Status == OcrAttemptStatus.NothingToClaim && !await store.ExistsAsync(job.InvoiceId, cancellationToken))
        {
            return JobOutcome.DeadLetter($"Unknown invoice {job.InvoiceId}.");
        }
        logger.LogInformation("OCR job {MessageId} for invoice {InvoiceId} (delivery {DeliveryCount}): {Status} in {Elapsed} ms",
            message.MessageId, job.InvoiceId, message.DeliveryCount, result.Status, (int)result.Timings.Total.TotalMilliseconds);
        return JobOutcome.Completed;
    }
}
