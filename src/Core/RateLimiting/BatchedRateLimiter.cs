using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Backend.Core.RateLimiting;

/// <summary>
/// A rate limit for hot endpoints (validate) that does not write PostgreSQL on every request.
/// Each instance counts locally and adds its counts to the shared row in <c>license_rate_limits</c> at every
/// flush (≤ 1 s), reading back the total all instances have flushed. A request is admitted only when
/// (shared total as of this instance's last flush) + (this instance's unflushed admissions) &lt; limit.
/// The first request of a subject on an instance reads the shared row synchronously, so a new or restarted
/// instance starts from the real count. Guarantee: exact with one instance; with N instances the overshoot
/// is at most what the other instances admitted for the same subject during one flush interval.
/// Memory is bounded: at most <paramref name="maxSubjects"/> subjects are tracked here (an entry leaves once its window
/// is over); a request of any further subject is counted straight in the shared row, exactly, as
/// <see cref="PostgresRateLimiter"/> does, so many clients cost database writes rather than unbounded memory.
/// </summary>
public sealed class BatchedRateLimiter(NpgsqlDataSource dataSource, string bucket, RateLimitRule rule, int maxSubjects = 100_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock; the hot path reads this instead.
    private int _tracked;

    public string Bucket => bucket;

    /// <summary>Subjects counted in memory right now.</summary>
    public int TrackedSubjects => Volatile.Read(ref _tracked);

    public async ValueTask<RateLimitDecision> HitAsync(string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_entries.TryGetValue(subject, out var entry))
            {
                if (TrackedSubjects >= maxSubjects)
                {
                    return await HitSharedRowAsync(subject, now, cancellationToken);
                }
                var created = new Entry();
                if (!_entries.TryAdd(subject, created))
                {
                    continue;
                }
                Interlocked.Increment(ref _tracked);
                entry = created;
            }
            if (!entry.Loaded)
            {
                await entry.LoadAsync(() => LoadAsync(subject, cancellationToken));
            }
            lock (entry)
            {
                if (entry.Removed)
                {
                    continue;
                }
                if (now >= entry.WindowEndsAt)
                {
                    // Our view of the window is over: start a new one; the next flush aligns it with the shared row.
                    entry.WindowEndsAt = now + rule.Window;
                    entry.Flushed = 0;
                    entry.InFlight = 0;
                }
                if (entry.Flushed + entry.InFlight + entry.Pending >= rule.Limit)
                {
                    return RateLimitDecision.Deny(entry.WindowEndsAt, now);
                }
                entry.Pending++;
                return RateLimitDecision.Allow;
            }
        }
    }

    /// <summary>
    /// Adds the unflushed counts to the shared rows and refreshes the local view of every subject still in
    /// its window, so what other instances admitted is known here within one flush interval.
    /// </summary>
    public async Task FlushAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new List<(string Subject, Entry Entry, int Hits)>();
        var idle = new List<(string Subject, Entry Entry)>();
        foreach (var (subject, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.Pending > 0)
                {
                    // Still counted by HitAsync while the write is under way.
                    batch.Add((subject, entry, entry.Pending));
                    entry.InFlight = entry.Pending;
                    entry.Pending = 0;
                }
                else if (!entry.Loaded || entry.Removed)
                {
                }
                else if (now >= entry.WindowEndsAt)
                {
                    entry.Removed = true;
                    if (_entries.TryRemove(new KeyValuePair<string, Entry>(subject, entry)))
                    {
                        Interlocked.Decrement(ref _tracked);
                    }
                }
                else
                {
                    idle.Add((subject, entry));
                }
            }
        }
        if (batch.Count == 0 && idle.Count == 0)
        {
            return;
        }
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (batch.Count > 0)
            {
                await using var upsert = new NpgsqlCommand("""
                    INSERT INTO license_rate_limits AS r (bucket, subject, window_started_at, window_ends_at, hits)
                    SELECT @bucket, s.subject, @now, @now + @window, s.hits FROM unnest(@subjects, @hits) AS s(subject, hits)
                    ON CONFLICT (bucket, subject) DO UPDATE SET
                        window_started_at = CASE WHEN r.window_ends_at <= @now THEN @now ELSE r.window_started_at END,
                        window_ends_at    = CASE WHEN r.window_ends_at <= @now THEN @now + @window ELSE r.window_ends_at END,
                        hits              = CASE WHEN r.window_ends_at <= @now THEN excluded.hits ELSE r.hits + excluded.hits END
                    RETURNING subject, hits, window_ends_at
                    """, connection);
                upsert.Parameters.AddWithValue("bucket", bucket);
                upsert.Parameters.AddWithValue("now", now);
                upsert.Parameters.AddWithValue("window", rule.Window);
                upsert.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(b => b.Subject).ToArray() });
                upsert.Parameters.Add(new NpgsqlParameter("hits", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = batch.Select(b => b.Hits).ToArray() });
                await ApplyAsync(upsert, batch.ToDictionary(b => b.Subject, b => b.Entry, StringComparer.Ordinal), cancellationToken);
            }
            if (idle.Count > 0)
            {
                await using var refresh = new NpgsqlCommand(
                    "SELECT subject, hits, window_ends_at FROM license_rate_limits WHERE bucket = @bucket AND subject = ANY(@subjects)", connection);
                refresh.Parameters.AddWithValue("bucket", bucket);
                refresh.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = idle.Select(i => i.Subject).ToArray() });
                await ApplyAsync(refresh, idle.ToDictionary(i => i.Subject, i => i.Entry, StringComparer.Ordinal), cancellationToken);
            }
        }
        catch
        {
            // Not counted yet: keep the hits for the next flush so the limit never loosens because the database blinked.
            foreach (var (_, entry, _) in batch)
            {
                lock (entry)
                {
                    entry.Pending += entry.InFlight;
                    entry.InFlight = 0;
                }
            }
            throw;
        }
    }

    private static async Task ApplyAsync(NpgsqlCommand command, Dictionary<string, Entry> entries, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = entries[reader.GetString(0)];
            var hits = reader.GetInt32(1);
            var windowEndsAt = reader.GetFieldValue<DateTimeOffset>(2);
            lock (entry)
            {
                // The shared count just read includes whatever this instance had in flight.
                entry.Flushed = hits;
                entry.InFlight = 0;
                entry.WindowEndsAt = windowEndsAt;
            }
        }
    }

    private async Task<RateLimitDecision> HitSharedRowAsync(string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (hits, windowEndsAt) = await connection.QuerySingleAsync<(int, DateTimeOffset)>(new CommandDefinition(PostgresRateLimiter.UpsertSql,
            new { Bucket = bucket, Subject = subject, Now = now, Window = rule.Window, Hits = 1 }, cancellationToken: cancellationToken));
        return hits <= rule.Limit ? RateLimitDecision.Allow : RateLimitDecision.Deny(windowEndsAt, now);
    }

    private async Task<(int Hits, DateTimeOffset WindowEndsAt)> LoadAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT hits, window_ends_at FROM license_rate_limits WHERE bucket = @bucket AND subject = @subject", connection);
        command.Parameters.AddWithValue("bucket", bucket);
        command.Parameters.AddWithValue("subject", subject);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1))
            : (0, DateTimeOffset.MinValue);
    }

    internal sealed class Entry
    {
        private Task? _loading;

        public volatile bool Loaded;
        public bool Removed;
        public int Flushed;
        public int Pending;
        public int InFlight;
        public DateTimeOffset WindowEndsAt = DateTimeOffset.MinValue;

        public Task LoadAsync(Func<Task<(int Hits, DateTimeOffset WindowEndsAt)>> load)
        {
            lock (this)
            {
                // A failed or cancelled load is not kept: the next request tries again. (Resetting the field from
                // inside the load is not enough: a load that fails synchronously would reset it before it is assigned.)
                if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
                {
                    _loading = LoadOnceAsync(load);
                }
                return _loading;
            }
        }

        private async Task LoadOnceAsync(Func<Task<(int Hits, DateTimeOffset WindowEndsAt)>> load)
        {
            var (hits, windowEndsAt) = await load();
            lock (this)
            {
                Flushed = hits;
                WindowEndsAt = windowEndsAt;
                Loaded = true;
            }
        }
    }
}
