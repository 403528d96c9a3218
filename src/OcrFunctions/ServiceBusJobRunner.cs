using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;
using Backend.Core.Telemetry;
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
        var job = new JobMessage(message.MessageId, message.Body.ToString(), message.DeliveryCount,
            message.ApplicationProperties.TryGetValue(JobTracing.TraceParentProperty, out var traceParent) ? traceParent as string : null);
        using var activity = JobTracing.StartProcessing(handler.Queue, job);
        try
        {
            outcome = await handler.HandleAsync(job, cancellationToken);
            JobTracing.Finish(activity, outcome);
        }
        catch (Exception e)
        {
            JobTracing.Fail(activity, e);
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
