using System.Collections.Concurrent;
using EasyFacture.Licensing;

namespace Backend.Core.Licensing;

/// <summary>
/// Server-side signature check with memory: whether a given key string carries a genuine signature never
/// changes, so keys already proven genuine skip the ECDSA verification (the costliest step of validate).
/// Only genuine keys are remembered, by their SHA-256, at most <see cref="Capacity"/> of them (100 000 licenses with a
/// key before and after an activation; ~350 bytes each); the cache is emptied when full. Revocation and expiry are
/// unaffected: the license row decides those on every request.
/// </summary>
public sealed class LicenseKeyCheck(LicenseSigningKeys keys)
{
    public const int Capacity = 200_000;
    private readonly ConcurrentDictionary<LicenseKeyDigest, LicenseClaims> _genuine = new();
    private readonly HashSet<string> _keyIds = new(keys.Verifier.KeyIds, StringComparer.Ordinal);

    /// <summary>Whether keys signed by this key id still verify (the current key or a retired one still configured).</summary>
    public bool Verifies(string signingKeyId) => _keyIds.Contains(signingKeyId);

    public LicenseVerification Verify(string licenseKey, string machineId)
    {
        var digest = LicenseKeyDigest.Of(licenseKey);
        if (_genuine.TryGetValue(digest, out var claims))
        {
            return string.Equals(claims.MachineId, machineId, StringComparison.OrdinalIgnoreCase)
                ? new LicenseVerification(LicenseCheck.Valid, claims)
                : new LicenseVerification(LicenseCheck.WrongMachine, claims);
        }
        var result = keys.Verifier.VerifySignature(licenseKey, machineId);
        if (result.Result is LicenseCheck.Valid or LicenseCheck.WrongMachine)
        {
            if (_genuine.Count >= Capacity)
            {
                _genuine.Clear();
            }
            _genuine.TryAdd(digest, result.Claims!);
        }
        return result;
    }
}
