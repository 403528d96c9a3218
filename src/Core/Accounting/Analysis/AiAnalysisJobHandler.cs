using Backend.Core.Jobs;
using Backend.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Backend.Core.Accounting.Analysis;

/// <summary>The <c>ai-analysis</c> queue trigger body, run by Service Bus in Azure and by the PostgreSQL queue worker in SelfHost.</summary>
public sealed class AiAnalysisJobHandler(AiAnalysisAttempt attempt, InvoicePipelineMetrics metrics, ILogger<AiAnalysisJobHandler> logger) : IJobHandler
{
    public string Queue => QueueNames.AiAnalysis;

    public async Task<JobOutcome> HandleAsync(JobMessage message, CancellationToken cancellationToken)
    {
        var job = AnalysisJob.TryParse(message.Body);
        if (job is null)
        {
            return JobOutcome.DeadLetter("Body is not an analysis job ({\"invoiceId\":uuid,\"tenantId\":uuid}).");
        }
        var status = await attempt.RunAsync(job, cancellationToken);
        metrics.Analysed(status.ToString());
        logger.LogInformation("Analysis job {MessageId} for invoice {InvoiceId} (delivery {DeliveryCount}): {Status}",
            message.MessageId, job.InvoiceId, message.DeliveryCount, status);
        return JobOutcome.Completed;
    }
}
