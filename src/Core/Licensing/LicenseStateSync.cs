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
/// (lookups go to the database) and starts again with a full read. It runs on a thread of its own with blocking I/O.
/// </summary>
public sealed class LicenseStateSync(NpgsqlDataSource dataSource, LicenseStateCache cache, LicenseStateLookup lookup, ILogger<LicenseStateSync> logger)
    : BackgroundService
{
    public const string Channel = "license_changes";
    public static readonly TimeSpan BarrierInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _barrierChannel = "license_sync_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own thread, blocking on its own socket: however busy the thread pool is with requests, the barriers
        // keep coming back and the copy stays fresh (on the pool, a saturated process let the lease lapse for whole runs).
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the data source or the logger may already be disposed; an exception escaping a thread would end the process.
            }
            finally
            {
                stopped.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "license-state-sync",
        };
        thread.Start();
        try
        {
            await stopped.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The thread notices the stop within a barrier interval, unless a blocking call waits on a database that is
            // down (up to the command timeout): give it a moment to write its last line, not the whole shutdown.
            await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
        }
    }

    private void Run(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Sync(() => backoff = TimeSpan.FromMilliseconds(100), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                cache.MarkStale();
                logger.LogWarning("License state copy is stale, validate reads PostgreSQL until it is rebuilt ({ExceptionType}: {Message})", e.GetType().Name, e.Message);
                stoppingToken.WaitHandle.WaitOne(backoff);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
        cache.MarkStale();
        logger.LogInformation("License state copy stopped: {Count} validate lookups were read from PostgreSQL, {Waited} waited for a barrier", lookup.FromDatabase, lookup.WaitedForBarrier);
    }

    private void Sync(Action connected, CancellationToken stop)
    {
        using var connection = dataSource.OpenConnection();
        var received = new List<(bool Barrier, long Value)>();
        // Raised on this thread, inside the blocking calls below.
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, out var value))
            {
                received.Add((e.Channel == _barrierChannel, value));
            }
        };
        using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {_barrierChannel}", connection))
        {
            listen.ExecuteNonQuery();
        }
        using (var trigger = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgname = 'licenses_notify_update'", connection))
        {
            if ((long)trigger.ExecuteScalar()! == 0)
            {
                throw new InvalidOperationException("the licenses table has no change trigger yet (migration 0103)");
            }
        }
        var started = Stopwatch.GetTimestamp();
        cache.Replace(Read(connection, null));
        logger.LogInformation("License state copy loaded: {Count} licenses in {Milliseconds} ms", cache.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        connected();

        var barriers = new Dictionary<long, long>();
        var sequence = 0L;
        var nextBarrier = 0L;
        var interval = (long)(BarrierInterval.TotalSeconds * Stopwatch.Frequency);
        var lease = (long)(LicenseStateCache.Lease.TotalSeconds * Stopwatch.Frequency);
        using var barrier = new NpgsqlCommand("SELECT pg_notify(@channel, @sequence)", connection);
        barrier.Parameters.AddWithValue("channel", _barrierChannel);
        var sequenceText = barrier.Parameters.AddWithValue("sequence", "");
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            if (now >= nextBarrier)
            {
                barriers[++sequence] = now;
                foreach (var old in barriers.Where(b => now - b.Value > lease).Select(b => b.Key).ToList())
                {
                    barriers.Remove(old);
                }
                sequenceText.Value = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
                barrier.ExecuteNonQuery();
                nextBarrier = now + interval;
            }

            if (received.Count > 0)
            {
                var batch = received.ToArray();
                received.Clear();
                var ids = batch.Where(n => !n.Barrier).Select(n => n.Value).Distinct().ToArray();
                if (ids.Length > 0)
                {
                    cache.Apply(ids, Read(connection, ids));
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
                // Short waits: this is also how often a stop request is noticed.
                connection.Wait((int)Math.Max(1, wait * 1000 / Stopwatch.Frequency));
            }
        }
    }

    private static Dictionary<long, LicenseState> Read(NpgsqlConnection connection, long[]? ids)
    {
        using var command = new NpgsqlCommand(
            ids is null ? $"SELECT {LicenseState.Columns} FROM licenses" : $"SELECT {LicenseState.Columns} FROM licenses WHERE id = ANY(@ids)",
            connection);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }
        using var rows = command.ExecuteReader();
        var found = new Dictionary<long, LicenseState>(ids?.Length ?? 1024);
        while (rows.Read())
        {
            var state = LicenseState.Read(rows);
            found[state.Id] = state;
        }
        return found;
    }
}
