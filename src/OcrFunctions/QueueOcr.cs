using Azure.Messaging.ServiceBus;
using Backend.Core.Configuration;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>The <c>ocr-jobs</c> trigger: one OCR attempt per message.</summary>
public sealed class QueueOcr(OcrJobHandler handler)
{
    [Function(nameof(QueueOcr))]
    public Task Run(
        [ServiceBusTrigger(QueueNames.OcrJobs, Connection = AzureConnections.ServiceBus)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken)
        => ServiceBusJobRunner.RunAsync(handler, message, actions, cancellationToken);
}
