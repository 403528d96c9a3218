using Azure.Messaging.ServiceBus;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Configuration;
using Backend.Core.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>The <c>ai-analysis</c> trigger: one analysis attempt per message.</summary>
public sealed class AiAnalysis(AiAnalysisJobHandler handler)
{
    [Function(nameof(AiAnalysis))]
    public Task Run(
        [ServiceBusTrigger(QueueNames.AiAnalysis, Connection = AzureConnections.ServiceBus)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken)
        => ServiceBusJobRunner.RunAsync(handler, message, actions, cancellationToken);
}
