using System.Diagnostics;

namespace Backend.Core.Licensing;

/// <summary>
/// Validate's read of a license: from memory while <see cref="LicenseStateCache"/> is current; while the copy's lease
/// has lapsed but its listener is connected (a loaded machine), after the next barrier comes back; else from PostgreSQL.
/// </summary>
public sealed class LicenseStateLookup(LicenseStateCache cache, LicenseStateReader reader)
{
    private long _fromDatabase;
    private long _waited;

    /// <summary>Lookups answered by PostgreSQL (copy not current, or license not in it): the benchmark reports it.</summary>
    public long FromDatabase => Interlocked.Read(ref _fromDatabase);

    /// <summary>Lookups that found the copy's lease lapsed and waited for a barrier instead of reading PostgreSQL.</summary>
    public long WaitedForBarrier => Interlocked.Read(ref _waited);

    /// <summary>
    /// The fast path: the license whose current key is the presented one, from memory (after the next barrier if the
    /// lease has lapsed). Null when the copy cannot say: not listening, or the key is not a license's current key.
    /// </summary>
    public ValueTask<LicenseState?> FindByKeyAsync(LicenseKeyDigest digest)
    {
        if (cache.TryFindByKey(digest, out var state))
        {
            return ValueTask.FromResult(state);
        }
        return cache.IsFresh || !cache.IsListening ? ValueTask.FromResult<LicenseState?>(null) : new ValueTask<LicenseState?>(FindByKeyAfterBarrierAsync(digest));
    }

    private async Task<LicenseState?> FindByKeyAfterBarrierAsync(LicenseKeyDigest digest)
    {
        Interlocked.Increment(ref _waited);
        return await cache.WaitForBarrierAsync(Stopwatch.GetTimestamp(), LicenseStateCache.Lease) && cache.TryFindByKey(digest, out var state) ? state : null;
    }

    public ValueTask<LicenseState?> FindAsync(long licenseId, string machineId, CancellationToken cancellationToken)
    {
        var key = new LicenseStateKey(licenseId, machineId);
        if (cache.TryFind(key, out var state))
        {
            return ValueTask.FromResult(state);
        }
        return new ValueTask<LicenseState?>(FindSlowAsync(key, cancellationToken));
    }

    private async Task<LicenseState?> FindSlowAsync(LicenseStateKey key, CancellationToken cancellationToken)
    {
        if (cache.IsListening)
        {
            Interlocked.Increment(ref _waited);
            // A barrier sent after this request arrived: the copy then holds every commit the request could have seen.
            if (await cache.WaitForBarrierAsync(Stopwatch.GetTimestamp(), LicenseStateCache.Lease) && cache.TryFind(key, out var state))
            {
                return state;
            }
        }
        Interlocked.Increment(ref _fromDatabase);
        return await reader.FindAsync(key.LicenseId, key.MachineId, cancellationToken);
    }
}
