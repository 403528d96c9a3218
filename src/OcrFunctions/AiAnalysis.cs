using Azure.Messaging.ServiceBus;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Configuration;
using Backend.Core.Jobs;
using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>
/// The <c>ai-analysis</c> trigger: one analysis attempt per message (host.json turns auto-complete off). Completed or
/// dead-lettered as the handler says; an exception abandons the message and Service Bus redelivers it.
/// </summary>
public sealed class AiAnalysis(AiAnalysisJobHandler handler)
{
    [Function(nameof(AiAnalysis))]
    public async Task Run(
        [ServiceBusTrigger(QueueNames.AiAnalysis, Connection = AzureConnections.ServiceBus)] ServiceBusReceivedMessage message,
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
