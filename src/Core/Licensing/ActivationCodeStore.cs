using Dapper;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>Creates activation codes in <c>activation_codes</c>, for admins and for resellers alike.</summary>
public static class ActivationCodeStore
{
    /// <summary>Draws and inserts <paramref name="count"/> new codes; <paramref name="partner"/> names the reseller that asked, if any.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(NpgsqlConnection connection, string product, string licenseType, int durationDays, int count,
        DateTimeOffset now, DateTimeOffset? expiresAt, string createdBy, string? partner, string? notes, CancellationToken cancellationToken)
    {
        var created = new List<string>(count);
        // 80 random bits make a collision all but impossible; the unique constraint decides, and we draw again.
        for (var attempt = 0; created.Count < count && attempt < 5; attempt++)
        {
            var candidates = Enumerable.Range(0, count - created.Count).Select(_ => ActivationCode.New()).ToArray();
            var inserted = await connection.QueryAsync<string>(new CommandDefinition("""
                INSERT INTO activation_codes (code, product, license_type, duration_days, created_at, expires_at, created_by, partner, notes)
                SELECT c, @product, @licenseType, @durationDays, @now, @expiresAt, @createdBy, @partner, @notes FROM unnest(@candidates) AS c
                ON CONFLICT (code) DO NOTHING
                RETURNING code
                """, new
                {
                    product, licenseType, durationDays, now, expiresAt,
                    createdBy = createdBy.Length <= 100 ? createdBy : createdBy[..100], partner, notes, candidates,
                }, cancellationToken: cancellationToken));
            created.AddRange(inserted);
        }
        return created;
    }
}
