using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Backend.Core.Telemetry;

namespace Backend.Functions.Azure;

/// <summary>
/// The Service Bus message of one job. Its <see cref="ServiceBusMessage.MessageId"/> is derived from the queue and the
/// body, so sending the same job again (a send retried after a lost acknowledgement, a handler run twice) yields the
/// same id and the queue's duplicate detection drops the copy. Every job body names its attempt (the OCR job's token,
/// the analysis job's OCR token, retry token or deferral), so distinct attempts are distinct messages.
/// </summary>
public static class ServiceBusJobMessage
{
    public const string ContentType = "application/json";

    public static ServiceBusMessage Build(string queue, string body, TimeSpan delay, DateTimeOffset now)
    {
        var message = new ServiceBusMessage(body) { ContentType = ContentType, MessageId = IdOf(queue, body) };
        if (delay > TimeSpan.Zero)
        {
            message.ScheduledEnqueueTime = now + delay;
        }
        // Not part of the id: the same job sent from two traces is still one message.
        if (JobTracing.CurrentTraceParent() is { } traceParent)
        {
            message.ApplicationProperties[JobTracing.TraceParentProperty] = traceParent;
        }
        return message;
    }

    /// <summary><c>{queue}:{SHA-256 of the body, hex}</c>: 77 characters for our queue names, within Service Bus's 128.</summary>
    public static string IdOf(string queue, string body) =>
        $"{queue}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
}
