using System.Text.Json;
using Backend.Core.Http;
using Dapper;
using Npgsql;

namespace Backend.Core.Events;

/// <summary>
/// Records an event in the caller's transaction, with one pending delivery per subscribed endpoint: the change and
/// its event commit together or not at all, and delivery (a job reading <c>webhook_deliveries</c>) can lose nothing.
/// </summary>
public sealed class EventOutbox(TimeProvider time)
{
    /// <returns>false when an event with the same cause was already recorded (nothing is added).</returns>
    public async Task<bool> RecordAsync(NpgsqlTransaction transaction, NewEvent newEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(new EventPayload(newEvent.Type, now, newEvent.Data), JsonDefaults.SnakeCase);
        var recorded = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition("""
            WITH e AS (
                INSERT INTO events (id, type, tenant_id, subject, cause, payload, occurred_at)
                VALUES (@id, @Type, @TenantId, @Subject, @Cause, CAST(@payload AS jsonb), @now)
                ON CONFLICT (cause) DO NOTHING
                RETURNING id, type, tenant_id, subject),
            d AS (
                INSERT INTO webhook_deliveries (event_id, endpoint_id, subject, next_attempt_at, created_at)
                SELECT e.id, w.id, e.subject, @now, @now
                  FROM e JOIN webhook_endpoints w
                    ON w.enabled AND w.tenant_id IS NOT DISTINCT FROM e.tenant_id AND e.type = ANY (w.event_types)
                RETURNING 1)
            SELECT count(*) FROM e
            """,
            new { id, newEvent.Type, newEvent.TenantId, newEvent.Subject, newEvent.Cause, payload, now },
            transaction, cancellationToken: cancellationToken));
        return recorded == 1;
    }

    /// <summary>The body every endpoint receives: the Standard Webhooks payload structure.</summary>
    private sealed record EventPayload(string Type, DateTimeOffset Timestamp, object Data);
}
