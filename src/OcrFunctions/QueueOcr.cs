using Azure.Messaging.ServiceBus;
using Backend.Core.Invoices;
using Backend.Core.Jobs;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>
/// The <c>ocr-jobs</c> trigger: one OCR attempt per message (host.json turns auto-complete off). Completed or dead-lettered
/// as the handler says; an exception abandons the message and Service Bus redelivers it (its delivery count grows).
/// </summary>
public sealed class QueueOcr(OcrJobHandler handler)
{
    [Function(nameof(QueueOcr))]
    public async Task Run(
        [ServiceBusTrigger(QueueNames.OcrJobs, Connection = AzureServiceCollectionExtensions.ServiceBusConnection)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new JobMessage(message.MessageId, message.Body.ToString(), message.DeliveryCount), cancellationToken);
        if (outcome.DeadLetterReason is { } reason)
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: reason, cancellationToken: cancellationToken);
        }
        else
        {
            await actions.CompleteMessageAsync(message, cancellationToken);
        }
    }
}
