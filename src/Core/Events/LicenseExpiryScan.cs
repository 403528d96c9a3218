using Backend.Core.Licensing;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Events;

/// <summary>
/// Finds licenses 7 days and 1 day from their end, and those just ended, and records <c>license.expiring</c> /
/// <c>license.expired</c> once each. Safe to run from any number of instances at once: each event's cause is unique
/// (license, reminder, expiry instant), so a second scan records nothing; a renewed license gets new reminders.
/// </summary>
public sealed class LicenseExpiryScan(NpgsqlDataSource dataSource, LicenseEvents events, TimeProvider time, IOptions<LicensingSettings> licensing)
{
    private const int BatchSize = 500;

    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = 0;
        recorded += await RecordAsync(EventTypes.LicenseExpiring, "1d", now, now.AddDays(1), cancellationToken);
        // A license found by the 1-day reminder first (a short trial, a scan that did not run for days) gets that one only.
        recorded += await RecordAsync(EventTypes.LicenseExpiring, "7d", now.AddDays(1), now.AddDays(7), cancellationToken);
        recorded += await RecordAsync(EventTypes.LicenseExpired, "expired", now.AddDays(-30), now, cancellationToken);
        return recorded;
    }

    private async Task<int> RecordAsync(string type, string reminder, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var recorded = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Only licenses without this event for their current expiry: the scan is linear in what is left to do.
            var due = (await connection.QueryAsync<(long Id, DateTimeOffset ExpiresAt)>(new CommandDefinition("""
                SELECT l.id, l.expires_at FROM licenses l
                 WHERE l.expires_at > @from AND l.expires_at <= @to AND NOT l.is_revoked AND l.license_type <> 'lifetime'
                   AND NOT EXISTS (SELECT 1 FROM events e
                                    WHERE e.cause = @type || ':' || l.id || ':' || @reminder || ':' || floor(extract(epoch FROM l.expires_at))::bigint)
                 ORDER BY l.expires_at, l.id
                 LIMIT @BatchSize
                 FOR UPDATE OF l SKIP LOCKED
                """, new { from, to, type, reminder, BatchSize }, transaction, cancellationToken: cancellationToken))).ToList();
            if (due.Count == 0)
            {
                return recorded;
            }
            var before = recorded;
            foreach (var (id, expiresAt) in due)
            {
                var cause = $"{reminder}:{expiresAt.ToUnixTimeSeconds()}";
                if (await events.RecordAsync(transaction, type, id, cancellationToken, cause, licensing.Value.RenewalUrl))
                {
                    recorded++;
                }
            }
            await transaction.CommitAsync(cancellationToken);
            if (recorded == before)
            {
                return recorded;
            }
        }
    }
}
