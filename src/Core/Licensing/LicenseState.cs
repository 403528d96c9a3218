using System.Data.Common;

namespace Backend.Core.Licensing;

/// <summary>
/// A license row as validate sees it: from memory (<see cref="LicenseStateCache"/>) or read fresh
/// (<see cref="LicenseStateReader"/>). Only what validate answers with, so 100 000 licenses stay small: the key is
/// held as its SHA-256 (computed by PostgreSQL), product and type strings are shared. Migration 0103's trigger watches
/// these columns (and a few more; <c>signing_key_id</c> changes only with the key); a column validate starts reading must be watched there too.
/// </summary>
public sealed class LicenseState
{
    /// <summary>The columns read, in the order of <see cref="Read"/>.</summary>
    public const string Columns = "id, machine_id, email, product, sha256(convert_to(license_key, 'UTF8')), license_type, expires_at, is_revoked, revoked_at, signing_key_id";

    public long Id { get; init; }
    public string MachineId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Product { get; init; } = "";
    /// <summary>SHA-256 of the license's current key: a presented key with this digest is that key, signed by this server.</summary>
    public LicenseKeyDigest KeyDigest { get; init; }
    public string LicenseType { get; init; } = "";
    public DateTimeOffset ExpiresAt { get; init; }
    public bool IsRevoked { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    /// <summary>The key that signed the current key: one no longer configured makes that key invalid, as its signature check would.</summary>
    public string SigningKeyId { get; init; } = "";

    /// <summary>How validate finds a license: the id and machine the signed key names.</summary>
    public LicenseStateKey Key => new(Id, MachineId);

    public static LicenseState Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        MachineId = row.GetString(1),
        Email = row.GetString(2),
        // Few distinct values among many rows: one string each keeps 100 000 licenses small.
        Product = string.Intern(row.GetString(3)),
        KeyDigest = LicenseKeyDigest.FromHash(row.GetFieldValue<byte[]>(4)),
        LicenseType = string.Intern(row.GetString(5)),
        ExpiresAt = row.GetFieldValue<DateTimeOffset>(6),
        IsRevoked = row.GetBoolean(7),
        RevokedAt = row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        SigningKeyId = string.Intern(row.GetString(9)),
    };
}
