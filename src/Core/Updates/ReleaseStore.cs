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

    /// <summary>
    /// Newest version first, each with its adoption: the product's licensed machines whose latest heartbeat reported that
    /// version within 30 days (<c>machines</c>) and 7 days (<c>machines_7d</c>), beside all the product's machines heard
    /// from in the same windows (<c>product_machines</c>, <c>product_machines_7d</c>), the base of its share.
    /// </summary>
    public static async Task<IReadOnlyList<Release>> ListAsync(NpgsqlConnection connection, string? product, string? channel, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Release>(new CommandDefinition("""
            WITH seen AS (
                SELECT product, app_version, last_heartbeat_at > @since7d AS recent
                FROM licenses
                WHERE last_heartbeat_at > @since30d AND (@product::text IS NULL OR product = @product)
            )
            SELECT r.id, r.product, r.channel, r.version, r.url, r.sha256, r.size, r.notes, r.min_version, r.rollout_percent, r.created_at, r.created_by,
                   (SELECT count(*) FROM seen s WHERE s.product = r.product AND s.app_version = r.version) AS machines,
                   (SELECT count(*) FROM seen s WHERE s.product = r.product AND s.app_version = r.version AND s.recent) AS machines_7d,
                   (SELECT count(*) FROM seen s WHERE s.product = r.product) AS product_machines,
                   (SELECT count(*) FROM seen s WHERE s.product = r.product AND s.recent) AS product_machines_7d
            FROM releases r
            WHERE (@product::text IS NULL OR r.product = @product) AND (@channel::text IS NULL OR r.channel = @channel)
            ORDER BY r.product, r.channel, r.version_parts DESC
            """, new { product, channel, since30d = now - AdoptionWindow, since7d = now - RecentWindow }, cancellationToken: cancellationToken))).ToList();

    /// <summary>A machine counts toward a version when its latest heartbeat, this recent, reported it (as the statistics count machines seen).</summary>
    public static readonly TimeSpan AdoptionWindow = Backend.Core.Products.ProductStatsQuery.SeenWithin;

    /// <summary>The shorter window of adoption: machines that moved to a version this week.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(7);

    /// <summary>The releases newer than <paramref name="currentParts"/> on a product's channel, newest first.</summary>
    public static async Task<IReadOnlyList<Release>> NewerAsync(NpgsqlConnection connection, string product, string channel, int[] currentParts, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Release>(new CommandDefinition($"""
            SELECT {Columns} FROM releases
            WHERE product = @product AND channel = @channel AND version_parts > @current
            ORDER BY version_parts DESC
            LIMIT 50
            """, new { product, channel, current = ReleaseVersion.Padded(currentParts) }, cancellationToken: cancellationToken))).ToList();
}
