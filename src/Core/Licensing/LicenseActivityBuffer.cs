using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Backend.Core.Licensing;

/// <summary>
/// Validation bookkeeping that need not cost a write per request: the <c>validated</c> history rows and
/// <c>licenses.last_validated_at</c>. Requests append in memory; <see cref="FlushAsync"/> writes everything
/// pending in one transaction. Graceful shutdown flushes; a hard kill loses at most what arrived since the
/// last flush (one flush interval, ≤ 1 s).
/// </summary>
public sealed class LicenseActivityBuffer(NpgsqlDataSource dataSource, ILogger<LicenseActivityBuffer> logger)
{
    /// <summary>Beyond this many unflushed events (the database has been down for a while) the oldest are dropped.</summary>
    public const int Capacity = 500_000;

    private ConcurrentQueue<ValidationEvent> _pending = new();
    private int _count;
    private long _dropped;

    public int PendingCount => Volatile.Read(ref _count);

    public void RecordValidation(long licenseId, DateTimeOffset at, IPAddress? ipAddress, string? userAgent)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _pending.Enqueue(new ValidationEvent(licenseId, at, ipAddress, userAgent));
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            logger.LogWarning("Dropped {Count} validation history events: the buffer was full while the database was unreachable", dropped);
        }
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentQueue<ValidationEvent>());
        var events = batch.ToArray();
        if (events.Length == 0)
        {
            return;
        }
        try
        {
            await WriteAsync(events, cancellationToken);
            Interlocked.Add(ref _count, -events.Length);
        }
        catch
        {
            // Keep them for the next flush; order inside the history does not matter (rows carry their own time).
            foreach (var e in events)
            {
                _pending.Enqueue(e);
            }
            throw;
        }
    }

    private async Task WriteAsync(ValidationEvent[] events, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<long, DateTimeOffset>();
        foreach (var e in events)
        {
            if (!latest.TryGetValue(e.LicenseId, out var at) || e.At > at)
            {
                latest[e.LicenseId] = e.At;
            }
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE licenses AS l SET last_validated_at = GREATEST(l.last_validated_at, v.at)
            FROM unnest(@ids, @ats) AS v(id, at)
            WHERE l.id = v.id
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = latest.Keys.ToArray() });
            update.Parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = latest.Values.Select(v => v.UtcDateTime).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        // COPY is the cheapest way in for thousands of rows; a license deleted meanwhile would fail the
        // foreign key, which cannot happen because licenses are never deleted (revocation keeps the row).
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY activations (license_id, action_type, ip_address, user_agent, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var e in events)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(e.LicenseId, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(LicenseActions.Validated, NpgsqlDbType.Text, cancellationToken);
                if (e.IpAddress is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(e.IpAddress, NpgsqlDbType.Inet, cancellationToken);
                }
                if (e.UserAgent is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(e.UserAgent, NpgsqlDbType.Text, cancellationToken);
                }
                await writer.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
