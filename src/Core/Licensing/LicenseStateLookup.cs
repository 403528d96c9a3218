namespace Backend.Core.Licensing;

/// <summary>Validate's read of a license: from memory while <see cref="LicenseStateCache"/> is fresh, else from PostgreSQL.</summary>
public sealed class LicenseStateLookup(LicenseStateCache cache, LicenseStateReader reader)
{
    public ValueTask<LicenseState?> FindAsync(long licenseId, string machineId, CancellationToken cancellationToken) =>
        cache.TryFind(new LicenseStateKey(licenseId, machineId), out var state)
            ? ValueTask.FromResult(state)
            : new ValueTask<LicenseState?>(reader.FindAsync(licenseId, machineId, cancellationToken));
}
