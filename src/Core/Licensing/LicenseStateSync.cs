using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// Keeps <see cref="LicenseStateCache"/> exact on one LISTEN connection: it listens first, then reads every license
/// (so no change can fall between the read and the notifications), re-reads each license migration 0103's trigger
/// names, and every <see cref="BarrierInterval"/> sends itself a barrier notification. Notifications come out of
/// PostgreSQL's queue in commit order, so when the barrier comes back, every change committed before it was sent
/// has been re-read, and the copy is marked current as of then. Any error or lost connection marks the copy stale
/// (lookups go to the database) and starts again with a full read.
/// </summary>
public sealed class LicenseStateSync(NpgsqlDataSource dataSource, LicenseStateCache cache, LicenseStateLookup lookup, ILogger<LicenseStateSync> logger)
    : BackgroundService
{
    public const string Channel = "license_changes";
    public static readonly TimeSpan BarrierInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _barrierChannel = "license_sync_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(() => backoff = TimeSpan.FromMilliseconds(100), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                cache.MarkStale();
                logger.LogWarning("License state copy is stale, validate reads PostgreSQL until it is rebuilt ({ExceptionType}: {Message})", e.GetType().Name, e.Message);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
        cache.MarkStale();
        logger.LogInformation("License state copy stopped: {Count} validate lookups were read from PostgreSQL", lookup.FromDatabase);
    }

    private async Task SyncAsync(Action connected, CancellationToken stop)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stop);
        var received = new List<(bool Barrier, long Value)>();
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, out var value))
            {
                lock (received)
                {
                    received.Add((e.Channel == _barrierChannel, value));
                }
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {_barrierChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stop);
        }
        await using (var trigger = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgname = 'licenses_notify_update'", connection))
        {
            if ((long)(await trigger.ExecuteScalarAsync(stop))! == 0)
            {
                throw new InvalidOperationException("the licenses table has no change trigger yet (migration 0103)");
            }
        }
        var started = Stopwatch.GetTimestamp();
        cache.Replace(await ReadAsync(connection, null, stop));
        logger.LogInformation("License state copy loaded: {Count} licenses in {Milliseconds} ms", cache.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        connected();

        var barriers = new Dictionary<long, long>();
        var sequence = 0L;
        var nextBarrier = 0L;
        var interval = (long)(BarrierInterval.TotalSeconds * Stopwatch.Frequency);
        var lease = (long)(LicenseStateCache.Lease.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            if (now >= nextBarrier)
            {
                barriers[++sequence] = now;
                barriers.Where(b => now - b.Value > lease).Select(b => b.Key).ToList().ForEach(k => barriers.Remove(k));
                await using var barrier = new NpgsqlCommand("SELECT pg_notify(@channel, @sequence)", connection);
                barrier.Parameters.AddWithValue("channel", _barrierChannel);
                barrier.Parameters.AddWithValue("sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await barrier.ExecuteNonQueryAsync(stop);
                nextBarrier = now + interval;
            }

            (bool Barrier, long Value)[] batch;
            lock (received)
            {
                batch = received.ToArray();
                received.Clear();
            }
            if (batch.Length > 0)
            {
                var ids = batch.Where(n => !n.Barrier).Select(n => n.Value).Distinct().ToArray();
                if (ids.Length > 0)
                {
                    cache.Apply(ids, await ReadAsync(connection, ids, stop));
                }
                // Read after every notification of the batch arrived: the copy now holds each commit queued before these barriers.
                foreach (var (_, value) in batch.Where(n => n.Barrier))
                {
                    if (barriers.Remove(value, out var sentAt))
                    {
                        cache.MarkCurrent(sentAt);
                    }
                }
                continue;
            }
            var wait = nextBarrier - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await connection.WaitAsync(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stop);
            }
        }
    }

    private static async Task<Dictionary<long, LicenseState>> ReadAsync(NpgsqlConnection connection, long[]? ids, CancellationToken stop)
    {
        await using var command = new NpgsqlCommand(
            ids is null ? $"SELECT {LicenseState.Columns} FROM licenses" : $"SELECT {LicenseState.Columns} FROM licenses WHERE id = ANY(@ids)",
            connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }
        await using var rows = await command.ExecuteReaderAsync(stop);
        var found = new Dictionary<long, LicenseState>(ids?.Length ?? 1024);
        while (await rows.ReadAsync(stop))
        {
            var state = LicenseState.Read(rows);
            found[state.Id] = state;
        }
        return found;
    }
}
