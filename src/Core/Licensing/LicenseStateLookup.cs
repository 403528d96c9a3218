namespace Backend.Core.Licensing;

/// <summary>Validate's read of a license: from memory while <see cref="LicenseStateCache"/> is current, else from PostgreSQL.</summary>
public sealed class LicenseStateLookup(LicenseStateCache cache, LicenseStateReader reader)
{
    private long _fromDatabase;

    /// <summary>Lookups answered by PostgreSQL (copy not current, or license not in it): the benchmark reports it.</summary>
    public long FromDatabase => Interlocked.Read(ref _fromDatabase);

    public ValueTask<LicenseState?> FindAsync(long licenseId, string machineId, CancellationToken cancellationToken)
    {
        if (cache.TryFind(new LicenseStateKey(licenseId, machineId), out var state))
        {
            return ValueTask.FromResult(state);
        }
        Interlocked.Increment(ref _fromDatabase);
        return new ValueTask<LicenseState?>(reader.FindAsync(licenseId, machineId, cancellationToken));
    }
}
