using System.Collections.Concurrent;
using System.Diagnostics;

namespace Backend.Core.Licensing;

/// <summary>
/// Every license row in memory, written only by <see cref="LicenseStateSync"/>. It answers only while it is known
/// fresh: a barrier notification sent at time T came back through the same LISTEN connection, after every change
/// notified before it had been re-read, so the copy holds every commit before T; it is trusted until T + <see cref="Lease"/>.
/// A lost connection, a frozen process (a Functions instance thawing) or a slow listener therefore never serves an
/// old state: while the listener is connected, a lookup waits for the next barrier (<see cref="WaitForBarrierAsync"/>);
/// when it is not, lookups go to the database.
/// </summary>
public sealed class LicenseStateCache
{
    /// <summary>
    /// How long after a barrier was sent the copy is trusted without another one: the longest a change committed on
    /// another instance can take to be seen here, so one second bounds the revocation delay even when this
    /// instance's listener stalls.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    private static readonly long LeaseTicks = (long)(Lease.TotalSeconds * Stopwatch.Frequency);

    private Snapshot _states = new(new(), new());
    private long _freshUntil;
    private long _currentAsOf;
    private int _listening;
    private TaskCompletionSource _advanced = NewSignal();

    public bool IsFresh => Stopwatch.GetTimestamp() < Volatile.Read(ref _freshUntil);

    /// <summary>The listener is connected and sending barriers: a copy that is not fresh will be again within a round trip.</summary>
    public bool IsListening => Volatile.Read(ref _listening) == 1;

    public int Count => _states.ById.Count;

    /// <summary>The license if the copy is fresh and holds it; false sends the caller to the database.</summary>
    public bool TryFind(LicenseStateKey key, out LicenseState? state)
    {
        state = null;
        if (!IsFresh || !_states.ById.TryGetValue(key.LicenseId, out var found) || found.Key != key)
        {
            return false;
        }
        state = found;
        return true;
    }

    /// <summary>
    /// The license whose current key has this digest, if the copy is fresh: the presented key is then that key, which
    /// this server signed, so neither its signature nor its claims need checking (the row holds the same machine and product).
    /// </summary>
    public bool TryFindByKey(LicenseKeyDigest digest, out LicenseState? state)
    {
        state = null;
        if (!IsFresh || !_states.ByKey.TryGetValue(digest, out var found) || found.KeyDigest != digest)
        {
            return false;
        }
        state = found;
        return true;
    }

    /// <summary>
    /// Waits (at most one lease) until the copy holds every commit made before this call, so the instance that
    /// changed a license never answers with the old state afterwards. Returns at once when the copy is not in use.
    /// </summary>
    public Task WaitUntilCurrentAsync() => IsFresh ? WaitForBarrierAsync(Stopwatch.GetTimestamp(), Lease) : Task.CompletedTask;

    /// <summary>
    /// Waits until a barrier sent at or after <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) came back,
    /// so the copy holds every commit before then; true if it did within <paramref name="timeout"/> while listening.
    /// </summary>
    public async Task<bool> WaitForBarrierAsync(long since, TimeSpan timeout)
    {
        var deadline = since + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (IsListening && Volatile.Read(ref _currentAsOf) < since)
        {
            var advanced = Volatile.Read(ref _advanced).Task;
            if (Volatile.Read(ref _currentAsOf) >= since)
            {
                break;
            }
            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return false;
            }
            await advanced.WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return Volatile.Read(ref _currentAsOf) >= since && IsFresh;
    }

    /// <summary>A full read: the copy is listening again, current once the next barrier comes back.</summary>
    internal void Replace(Dictionary<long, LicenseState> all)
    {
        var byKey = new ConcurrentDictionary<LicenseKeyDigest, LicenseState>();
        foreach (var state in all.Values)
        {
            byKey[state.KeyDigest] = state;
        }
        Volatile.Write(ref _states, new Snapshot(new ConcurrentDictionary<long, LicenseState>(all), byKey));
        Volatile.Write(ref _listening, 1);
    }

    /// <summary>The rows re-read for <paramref name="ids"/>; an id not found was deleted.</summary>
    internal void Apply(IEnumerable<long> ids, IReadOnlyDictionary<long, LicenseState> found)
    {
        var states = _states;
        foreach (var id in ids)
        {
            if (states.ById.TryGetValue(id, out var old) && (!found.TryGetValue(id, out var changed) || changed.KeyDigest != old.KeyDigest))
            {
                states.ByKey.TryRemove(new KeyValuePair<LicenseKeyDigest, LicenseState>(old.KeyDigest, old));
            }
            if (found.TryGetValue(id, out var state))
            {
                states.ById[id] = state;
                states.ByKey[state.KeyDigest] = state;
            }
            else
            {
                states.ById.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Every commit before <paramref name="barrierSentAt"/> (a <see cref="Stopwatch"/> timestamp) is in the copy.</summary>
    internal void MarkCurrent(long barrierSentAt)
    {
        if (barrierSentAt <= Volatile.Read(ref _currentAsOf))
        {
            return;
        }
        Volatile.Write(ref _freshUntil, barrierSentAt + LeaseTicks);
        Volatile.Write(ref _currentAsOf, barrierSentAt);
        Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();
    }

    internal void MarkStale()
    {
        Volatile.Write(ref _listening, 0);
        Volatile.Write(ref _freshUntil, 0);
        Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Snapshot(ConcurrentDictionary<long, LicenseState> ById, ConcurrentDictionary<LicenseKeyDigest, LicenseState> ByKey);
}
