using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>
/// Runs a Core job handler for one Service Bus message (host.json turns auto-complete off): completed or dead-lettered
/// as the handler says; an exception abandons the message at once, so Service Bus redelivers it (its delivery count
/// grows) without waiting for the lock to expire.
/// </summary>
internal static class ServiceBusJobRunner
{
    public static async Task RunAsync(IJobHandler handler, ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        JobOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(new JobMessage(message.MessageId, message.Body.ToString(), message.DeliveryCount), cancellationToken);
        }
        catch (Exception)
        {
            await actions.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            throw;
        }
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
