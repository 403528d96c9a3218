using System.Diagnostics;
using Backend.Core.Jobs;

namespace Backend.Core.Telemetry;

/// <summary>
/// Carries a trace across a queue: the sender stores the W3C <c>traceparent</c> of its current span with the message
/// (a column of <c>job_queue</c>, an application property of a Service Bus message), and whichever host runs the job
/// starts its span as a child of it. An upload, its OCR job and the analysis job chained from it are one trace.
/// </summary>
public static class JobTracing
{
    /// <summary>The application property of a Service Bus message, and the name of the W3C header.</summary>
    public const string TraceParentProperty = "traceparent";

    private static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);

    /// <summary>The W3C trace context of the current span, to store with a message; null outside any recorded span.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts the span of one delivery, a child of the sender's span when the message carries one. Dispose it when the handler returns.</summary>
    public static Activity? StartProcessing(string queue, JobMessage message)
    {
        var parent = ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var context) ? context : default;
        var activity = Source.StartActivity($"{queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "easyfacture");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.DeliveryCount);
        return activity;
    }

    /// <summary>Records how the handler ended on the delivery's span.</summary>
    public static void Finish(Activity? activity, JobOutcome outcome)
    {
        if (activity is not null && outcome.DeadLetterReason is { } reason)
        {
            activity.SetStatus(ActivityStatusCode.Error, "dead-lettered: " + reason);
        }
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.AddException(exception);
    }
}
