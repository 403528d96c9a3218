using System.Data.Common;

namespace Backend.Core.Licensing;

/// <summary>
/// A license row as validate sees it: from memory (<see cref="LicenseStateCache"/>) or read fresh
/// (<see cref="LicenseStateReader"/>). The whole row the trigger of migration 0103 watches, so a check on any
/// of its columns (e.g. the product) needs no new read.
/// </summary>
public sealed record LicenseState
{
    /// <summary>The columns read, in the order of <see cref="Read"/>; the same list as migration 0103's trigger.</summary>
    public const string Columns = "id, machine_id, email, product, license_key, license_type, created_at, trial_started_at, activated_at, expires_at, is_revoked, revoked_at, revoked_reason";

    public long Id { get; init; }
    public string MachineId { get; init; } = "";
    public string Email { get; init; } = "";
    public string Product { get; init; } = "";
    public string LicenseKey { get; init; } = "";
    public string LicenseType { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? TrialStartedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool IsRevoked { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }

    /// <summary>How validate finds a license: the id and machine the signed key names.</summary>
    public LicenseStateKey Key => new(Id, MachineId);

    public static LicenseState Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        MachineId = row.GetString(1),
        Email = row.GetString(2),
        // Few distinct values among many rows: one string each keeps 100 000 licenses small.
        Product = string.Intern(row.GetString(3)),
        LicenseKey = row.GetString(4),
        LicenseType = string.Intern(row.GetString(5)),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(6),
        TrialStartedAt = row.IsDBNull(7) ? null : row.GetFieldValue<DateTimeOffset>(7),
        ActivatedAt = row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        ExpiresAt = row.GetFieldValue<DateTimeOffset>(9),
        IsRevoked = row.GetBoolean(10),
        RevokedAt = row.IsDBNull(11) ? null : row.GetFieldValue<DateTimeOffset>(11),
        RevokedReason = row.IsDBNull(12) ? null : row.GetString(12),
    };
}
