using Backend.Core.Notifications;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Webhooks;

/// <summary>
/// One round of webhook delivery: lease the due deliveries, send them, log each attempt, retry with backoff, and
/// disable an endpoint whose delivery failed for the whole schedule (its owner gets an e-mail). Any number of
/// instances may run rounds at once: leases are taken with <c>SKIP LOCKED</c> and last the send's timeout, and only
/// the oldest pending delivery of a subject per endpoint is due, so one license's events arrive in order.
/// </summary>
public sealed class WebhookDispatcher(
    NpgsqlDataSource dataSource,
    WebhookSender sender,
    EmailOutbox emails,
    TimeProvider time,
    IOptions<WebhookSettings> options,
    ILogger<WebhookDispatcher> logger)
{
    private const int BatchSize = 200;
    private readonly WebhookSettings _settings = options.Value;

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var leased = await LeaseAsync(cancellationToken);
        await Parallel.ForEachAsync(leased, new ParallelOptions { MaxDegreeOfParallelism = _settings.Concurrency, CancellationToken = cancellationToken },
            async (delivery, cancel) => await DeliverAsync(delivery, cancel));
        return leased.Count;
    }

    /// <summary>Rounds until nothing is due (tests and the Azure timer drain the backlog in one call).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int attempted;
        do
        {
            attempted = await RunOnceAsync(cancellationToken);
            total += attempted;
        }
        while (attempted > 0);
        return total;
    }

    private async Task<List<LeasedDelivery>> LeaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The lease outlives the send's timeout, so a delivery is attempted by one instance at a time; one whose
        // instance died is attempted again once its lease has run out.
        var leaseUntil = now.AddSeconds(_settings.TimeoutSeconds * 3 + 30);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LeasedDelivery>(new CommandDefinition("""
            WITH due AS (
                SELECT d.id FROM webhook_deliveries d
                  JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled
                 WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND d.leased_until <= @now
                   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                    WHERE p.endpoint_id = d.endpoint_id AND p.subject = d.subject
                                      AND p.status = 'pending' AND p.id < d.id)
                 ORDER BY d.next_attempt_at, d.id
                 LIMIT @BatchSize
                 FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d
               SET leased_until = @leaseUntil, attempts = d.attempts + 1
              FROM due, events e, webhook_endpoints w
             WHERE d.id = due.id AND e.id = d.event_id AND w.id = d.endpoint_id
            RETURNING d.id, d.attempts, d.event_id, e.payload::text AS payload, w.id AS endpoint_id, w.url, w.secret,
                      CASE WHEN w.previous_secret_expires_at > @now THEN w.previous_secret END AS previous_secret,
                      w.owner_email
            """, new { now, leaseUntil, BatchSize }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task DeliverAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        var secrets = delivery.PreviousSecret is null ? new[] { delivery.Secret } : new[] { delivery.Secret, delivery.PreviousSecret };
        var sentAt = time.GetUtcNow();
        var result = await sender.SendAsync(delivery.Url, MessageId(delivery.EventId), sentAt, delivery.Payload, secrets, cancellationToken);
        var now = time.GetUtcNow();
        var retryIn = result.Succeeded ? null : WebhookRetrySchedule.After(delivery.Attempts);
        var status = result.Succeeded ? "delivered" : retryIn is null ? "failed" : "pending";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error)
            VALUES (@Id, @sentAt, @StatusCode, @LatencyMilliseconds, @ResponseExcerpt, @Error)
            """, new { delivery.Id, sentAt, result.StatusCode, result.LatencyMilliseconds, result.ResponseExcerpt, result.Error },
            transaction, cancellationToken: cancellationToken));
        // The attempts guard: if our lease ran out and another instance took the delivery, its outcome stands.
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries
               SET status = @status, leased_until = '-infinity',
                   next_attempt_at = CASE WHEN @status = 'pending' THEN @next ELSE next_attempt_at END,
                   delivered_at = CASE WHEN @status = 'delivered' THEN @now END
             WHERE id = @Id AND attempts = @Attempts AND status = 'pending'
            """, new { delivery.Id, delivery.Attempts, status, now, next = now + (retryIn ?? TimeSpan.Zero) },
            transaction, cancellationToken: cancellationToken));
        if (updated == 1 && status == "failed")
        {
            await DisableAsync(connection, transaction, delivery, result, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task DisableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LeasedDelivery delivery,
        WebhookAttemptResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"échecs pendant {WebhookRetrySchedule.MaxAttempts} tentatives ; dernière erreur : {result.Describe()}";
        var disabled = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_endpoints SET enabled = false, disabled_at = @now, disabled_reason = @reason
             WHERE id = @EndpointId AND enabled
            """, new { delivery.EndpointId, now, reason }, transaction, cancellationToken: cancellationToken));
        if (disabled == 1)
        {
            logger.LogWarning("Webhook endpoint {EndpointId} disabled after persistent failure ({Error})", delivery.EndpointId, result.Describe());
            if (!string.IsNullOrEmpty(delivery.OwnerEmail))
            {
                var (subject, body) = LicenseEmails.WebhookDisabled(delivery.Url, result.Describe());
                await emails.EnqueueAsync(transaction, new OutgoingEmail($"webhook.disabled:{delivery.EndpointId}:{now.ToUnixTimeMilliseconds()}",
                    LicenseEmails.WebhookDisabledKind, delivery.OwnerEmail, subject, body), cancellationToken);
            }
        }
    }

    /// <summary>The <c>webhook-id</c> of an event: the same for every attempt and redelivery, so receivers can drop duplicates.</summary>
    public static string MessageId(Guid eventId) => $"evt_{eventId:N}";

    private sealed record LeasedDelivery
    {
        public long Id { get; init; }
        public int Attempts { get; init; }
        public Guid EventId { get; init; }
        public string Payload { get; init; } = "";
        public Guid EndpointId { get; init; }
        public string Url { get; init; } = "";
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public string? OwnerEmail { get; init; }
    }
}
