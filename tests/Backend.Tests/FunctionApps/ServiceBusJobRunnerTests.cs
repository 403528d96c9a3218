extern alias OcrFunctionApp;

using Azure.Messaging.ServiceBus;
using Backend.Core.Jobs;
using OcrFunctionApp::Backend.OcrFunctions;
using Microsoft.Azure.Functions.Worker;

namespace Backend.Tests.FunctionApps;

/// <summary>How a Core job outcome settles the Service Bus message, through a <see cref="ServiceBusMessageActions"/> double.</summary>
public sealed class ServiceBusJobRunnerTests
{
    private static readonly ServiceBusReceivedMessage Message = ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: BinaryData.FromString("{\"invoice_id\":\"1\"}"), messageId: "ocr-1-0", deliveryCount: 2, lockTokenGuid: Guid.NewGuid());

    [Fact]
    public async Task A_completed_job_completes_the_message_and_the_handler_sees_body_id_and_delivery_count()
    {
        var handler = new Handler(_ => JobOutcome.Completed);
        var actions = new RecordingActions();

        await ServiceBusJobRunner.RunAsync(handler, Message, actions, CancellationToken.None);

        Assert.Equal(["complete"], actions.Calls);
        Assert.Equal(new JobMessage("ocr-1-0", "{\"invoice_id\":\"1\"}", 2), handler.Received);
    }

    [Fact]
    public async Task A_job_that_can_never_succeed_is_dead_lettered_with_its_reason()
    {
        var actions = new RecordingActions();

        await ServiceBusJobRunner.RunAsync(new Handler(_ => JobOutcome.DeadLetter("Unknown invoice")), Message, actions, CancellationToken.None);

        Assert.Equal(["dead-letter: Unknown invoice"], actions.Calls);
    }

    [Fact]
    public async Task An_exception_abandons_the_message_for_redelivery_and_still_fails_the_invocation()
    {
        var actions = new RecordingActions();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            ServiceBusJobRunner.RunAsync(new Handler(_ => throw new TimeoutException()), Message, actions, CancellationToken.None));

        Assert.Equal(["abandon"], actions.Calls);
    }

    private sealed class Handler(Func<JobMessage, JobOutcome> outcome) : IJobHandler
    {
        public JobMessage? Received { get; private set; }

        public string Queue => QueueNames.OcrJobs;

        public Task<JobOutcome> HandleAsync(JobMessage message, CancellationToken cancellationToken)
        {
            Received = message;
            return Task.FromResult(outcome(message));
        }
    }

    private sealed class RecordingActions : ServiceBusMessageActions
    {
        public List<string> Calls { get; } = [];

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            Calls.Add("complete");
            return Task.CompletedTask;
        }

        public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = null,
            string? deadLetterReason = null, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default)
        {
            Calls.Add($"dead-letter: {deadLetterReason}");
            return Task.CompletedTask;
        }

        public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
        {
            Calls.Add("abandon");
            return Task.CompletedTask;
        }
    }
}
