using Backend.Functions.Azure;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>Every minute (one instance at a time: timer triggers are singletons) publishes the age of each queue's oldest message.</summary>
public sealed class QueueAgeProbeFunction(ServiceBusQueueAgeProbe probe)
{
    [Function("QueueAgeProbe")]
    public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.ProbeAsync(cancellationToken);
}
