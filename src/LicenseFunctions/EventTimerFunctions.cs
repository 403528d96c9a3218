using Backend.Core.Events;
using Backend.Core.Notifications;
using Backend.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>
/// The outbox's jobs on timers (this app has no Service Bus): webhook delivery every 10 seconds, e-mail every minute,
/// the expiry scan every 15 minutes. Each is safe from several instances at once (leases, unique causes).
/// </summary>
public sealed class EventTimerFunctions(WebhookDispatcher webhooks, EmailSender emails, LicenseExpiryScan expiryScan)
{
    [Function("WebhookDelivery")]
    public Task DeliverWebhooks([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        webhooks.DrainAsync(cancellationToken);

    [Function("EmailDelivery")]
    public Task SendEmails([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        emails.DrainAsync(cancellationToken);

    [Function("LicenseExpiryScan")]
    public Task ScanExpiries([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        expiryScan.ScanAsync(cancellationToken);
}
