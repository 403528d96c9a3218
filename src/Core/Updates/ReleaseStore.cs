using Dapper;
using Npgsql;

namespace Backend.Core.Updates;

/// <summary>Releases in <c>releases</c>.</summary>
public static class ReleaseStore
{
    private const string Columns = "id, product, channel, version, url, sha256, size, notes, min_version, rollout_percent, created_at, created_by";

    /// <summary>Null when this version is already published on the channel.</summary>
    public static Task<Release?> InsertAsync(NpgsqlConnection connection, Release release, int[] versionParts, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Release>(new CommandDefinition($"""
            INSERT INTO releases (product, channel, version, version_parts, url, sha256, size, notes, min_version, rollout_percent, created_at, created_by)
            VALUES (@Product, @Channel, @Version, @versionParts, @Url, @Sha256, @Size, @Notes, @MinVersion, @RolloutPercent, @CreatedAt, @CreatedBy)
            ON CONFLICT (product, channel, version) DO NOTHING
            RETURNING {Columns}
            """, new
            {
                release.Product, release.Channel, release.Version, versionParts = ReleaseVersion.Padded(versionParts), release.Url, release.Sha256,
                release.Size, release.Notes, release.MinVersion, release.RolloutPercent, release.CreatedAt, release.CreatedBy,
            }, cancellationToken: cancellationToken));

    /// <summary>Newest version first, each with the machines that last reported it by heartbeat within <paramref name="seenSince"/>.</summary>
    public static async Task<IReadOnlyList<Release>> ListAsync(NpgsqlConnection connection, string? product, string? channel, DateTimeOffset seenSince, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Release>(new CommandDefinition("""
            SELECT r.id, r.product, r.channel, r.version, r.url, r.sha256, r.size, r.notes, r.min_version, r.rollout_percent, r.created_at, r.created_by,
                   (SELECT count(*) FROM licenses l
                    WHERE l.product = r.product AND l.app_version = r.version AND l.last_heartbeat_at > @seenSince) AS machines
            FROM releases r
            WHERE (@product::text IS NULL OR r.product = @product) AND (@channel::text IS NULL OR r.channel = @channel)
            ORDER BY r.product, r.channel, r.version_parts DESC
            """, new { product, channel, seenSince }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The releases newer than <paramref name="currentParts"/> on a product's channel, newest first.</summary>
    public static async Task<IReadOnlyList<Release>> NewerAsync(NpgsqlConnection connection, string product, string channel, int[] currentParts, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Release>(new CommandDefinition($"""
            SELECT {Columns} FROM releases
            WHERE product = @product AND channel = @channel AND version_parts > @current
            ORDER BY version_parts DESC
            LIMIT 50
            """, new { product, channel, current = ReleaseVersion.Padded(currentParts) }, cancellationToken: cancellationToken))).ToList();
}
