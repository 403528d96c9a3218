using System.Collections.Concurrent;
using System.Diagnostics;

namespace Backend.Core.Licensing;

/// <summary>
/// Every license row in memory, written only by <see cref="LicenseStateSync"/>. It answers only while it is known
/// fresh: a barrier notification sent at time T came back through the same LISTEN connection, after every change
/// notified before it had been re-read, so the copy holds every commit before T; it is trusted until T + <see cref="Lease"/>.
/// A lost connection, a frozen process (a Functions instance thawing) or a slow listener therefore turns lookups
/// back to the database instead of serving an old state.
/// </summary>
public sealed class LicenseStateCache
{
    /// <summary>How long after a barrier was sent the copy is trusted without another one.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    private ConcurrentDictionary<long, LicenseState> _byId = new();
    private long _freshUntil;
    private long _currentAsOf;
    private TaskCompletionSource _advanced = NewSignal();

    public bool IsFresh => Stopwatch.GetTimestamp() < Volatile.Read(ref _freshUntil);

    public int Count => _byId.Count;

    /// <summary>The license if the copy is fresh and holds it; false sends the caller to the database.</summary>
    public bool TryFind(LicenseStateKey key, out LicenseState? state)
    {
        state = null;
        if (!IsFresh || !_byId.TryGetValue(key.LicenseId, out var found) || found.Key != key)
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
    public async Task WaitUntilCurrentAsync()
    {
        var since = Stopwatch.GetTimestamp();
        var deadline = since + (long)(Lease.TotalSeconds * Stopwatch.Frequency);
        while (IsFresh && Volatile.Read(ref _currentAsOf) < since && Stopwatch.GetTimestamp() < deadline)
        {
            var advanced = Volatile.Read(ref _advanced).Task;
            if (Volatile.Read(ref _currentAsOf) >= since)
            {
                break;
            }
            await advanced.WaitAsync(Lease).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    internal void Replace(Dictionary<long, LicenseState> all) =>
        Volatile.Write(ref _byId, new ConcurrentDictionary<long, LicenseState>(all));

    /// <summary>The rows re-read for <paramref name="ids"/>; an id not found was deleted.</summary>
    internal void Apply(IEnumerable<long> ids, IReadOnlyDictionary<long, LicenseState> found)
    {
        var byId = _byId;
        foreach (var id in ids)
        {
            if (found.TryGetValue(id, out var state))
            {
                byId[id] = state;
            }
            else
            {
                byId.TryRemove(id, out _);
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
        Volatile.Write(ref _freshUntil, barrierSentAt + (long)(Lease.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref _currentAsOf, barrierSentAt);
        Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();
    }

    internal void MarkStale()
    {
        Volatile.Write(ref _freshUntil, 0);
        Interlocked.Exchange(ref _advanced, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
