using Backend.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace Backend.Core.Invoices;

/// <summary>The <c>ocr-jobs</c> queue trigger body, run by Service Bus in Azure and by the PostgreSQL queue worker in SelfHost.</summary>
public sealed class OcrJobHandler(OcrAttempt attempt, ILogger<OcrJobHandler> logger) : IJobHandler
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
        logger.LogInformation("OCR job {MessageId} for invoice {InvoiceId} (delivery {DeliveryCount}): {Status} in {Elapsed} ms",
            message.MessageId, job.InvoiceId, message.DeliveryCount, result.Status, (int)result.Timings.Total.TotalMilliseconds);
        return JobOutcome.Completed;
    }
}
