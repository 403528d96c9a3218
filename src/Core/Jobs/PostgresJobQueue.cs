using Backend.Core.Telemetry;
using Dapper;
using Npgsql;

namespace Backend.Core.Jobs;

/// <summary>
/// A durable queue in PostgreSQL with Service Bus semantics: at-least-once delivery, a visibility
/// timeout (the lease), a delivery count, and a dead-letter table. Consumers contend with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of workers in any number of processes can share it.
/// </summary>
public sealed class PostgresJobQueue(NpgsqlDataSource dataSource) : IJobQueue
{
    /// <summary>The channel <see cref="EnqueueAsync"/> notifies, so idle workers wake at once instead of on their next poll.</summary>
    public const string NotifyChannel = "job_queue";

    public async Task EnqueueAsync(string queue, string body, TimeSpan delay = default, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO job_queue (queue, body, visible_at, trace_parent)
            VALUES (@queue, @body, clock_timestamp() + @delay, @traceParent);
            SELECT pg_notify(@channel, @queue);
            """,
            new { queue, body, delay, channel = NotifyChannel, traceParent = JobTracing.CurrentTraceParent() }, cancellationToken: cancellationToken));
    }

    /// <summary>Leases the oldest visible message of <paramref name="queue"/> for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<LeasedJob?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LeasedJob>(new CommandDefinition("""
            UPDATE job_queue
               SET visible_at = clock_timestamp() + @visibilityTimeout,
                   delivery_count = delivery_count + 1
             WHERE id = (SELECT id FROM job_queue
                          WHERE queue = @queue AND visible_at <= clock_timestamp()
                          ORDER BY visible_at, id
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
            RETURNING id, queue, body, delivery_count, trace_parent
            """,
            new { queue, visibilityTimeout }, cancellationToken: cancellationToken));
    }

    /// <returns>false when the lease was lost (it expired and another consumer took the message).</returns>
    public async Task<bool> CompleteAsync(LeasedJob job, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_queue WHERE id = @Id AND delivery_count = @DeliveryCount",
            job, cancellationToken: cancellationToken));
        return deleted == 1;
    }

    /// <summary>Gives the message back, visible again after <paramref name="delay"/>.</summary>
    public async Task<bool> AbandonAsync(LeasedJob job, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_queue SET visible_at = clock_timestamp() + @delay WHERE id = @Id AND delivery_count = @DeliveryCount",
            new { job.Id, job.DeliveryCount, delay }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task<bool> DeadLetterAsync(LeasedJob job, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition("""
            WITH taken AS (
                DELETE FROM job_queue WHERE id = @Id AND delivery_count = @DeliveryCount
                RETURNING id, queue, body, enqueued_at, delivery_count, trace_parent)
            INSERT INTO job_dead_letters (id, queue, body, enqueued_at, delivery_count, reason, trace_parent)
            SELECT id, queue, body, enqueued_at, delivery_count, @reason, trace_parent FROM taken
            """,
            new { job.Id, job.DeliveryCount, reason }, cancellationToken: cancellationToken));
        return moved == 1;
    }
}

public sealed record LeasedJob(long Id, string Queue, string Body, int DeliveryCount, string? TraceParent = null)
{
    public JobMessage ToMessage() => new(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Body, DeliveryCount, TraceParent);
}
