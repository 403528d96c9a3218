using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>GET admin/stats?days=30&amp;product=</c>: licenses by type and status; trials started and since converted per day;
/// machines seen by heartbeat in 24 h / 7 d / 30 d; validations per day; trials and conversions per ISO week;
/// revocations per day; app versions and operating systems of the machines heard from in the period; the same split
/// by product. Days are UTC. With <c>product</c>, every figure but the failed sign-ins (people, not products) counts
/// that product's licenses only, and <c>products</c> holds that product alone.
/// </summary>
public sealed class LicenseStatsHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = LicenseFilter.NewErrors();
        var days = 30;
        string? product = null;
        foreach (var key in context.Request.Query.Keys)
        {
            if (key == "product")
            {
                product = context.Request.Query["product"].ToString();
                if (!Backend.Core.Products.ProductCode.IsValid(product))
                {
                    errors.AddError("product", "code produit attendu");
                }
            }
            else if (key != "days")
            {
                errors.AddError(key, "paramètre inconnu");
            }
            else if (!int.TryParse(context.Request.Query["days"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) || days is < 1 or > 366)
            {
                errors.AddError("days", "entier entre 1 et 366 attendu");
            }
        }
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        var now = time.GetUtcNow();
        var since = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - days);
        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        if (product is not null && await Backend.Core.Products.ProductStore.FindAsync(connection, null, product, cancel) is null)
        {
            return Backend.Core.Products.UpdateProductHandler.NotFound(context);
        }
        var licenses = await connection.QueryAsync<(string Type, string Status, long Count)>(new CommandDefinition($"""
            SELECT license_type, {LicenseFilter.StatusSql} AS status, count(*) AS count
            FROM licenses WHERE {OfProduct} GROUP BY 1, 2 ORDER BY 1, 2
            """, new { now, product }, cancellationToken: cancel));
        var trials = await connection.QueryAsync<(DateTime Day, long Created, long Converted)>(new CommandDefinition($"""
            SELECT (trial_started_at AT TIME ZONE 'UTC')::date AS day, count(*) AS created, count(activated_at) AS converted
            FROM licenses WHERE trial_started_at >= @since AND {OfProduct} GROUP BY 1 ORDER BY 1
            """, new { since, product }, cancellationToken: cancel));
        var seen = await connection.QuerySingleAsync<(long Day, long Week, long Month)>(new CommandDefinition($"""
            SELECT count(DISTINCT license_id) FILTER (WHERE created_at > @now - interval '24 hours') AS last24h,
                   count(DISTINCT license_id) FILTER (WHERE created_at > @now - interval '7 days') AS last7d,
                   count(DISTINCT license_id) AS last30d
            FROM heartbeats WHERE created_at > @now - interval '30 days' AND {LicenseOfProduct}
            """, new { now, product }, cancellationToken: cancel));
        var validations = await connection.QueryAsync<(DateTime Day, long Count)>(new CommandDefinition($"""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS count
            FROM activations WHERE action_type = 'validated' AND created_at >= @since AND {LicenseOfProduct} GROUP BY 1 ORDER BY 1
            """, new { since, product }, cancellationToken: cancel));
        // Weeks start on Monday (date_trunc's ISO week); the first week may start before `since` and count only its tail.
        var weeks = await connection.QueryAsync<(DateTime Week, long Created, long Converted)>(new CommandDefinition($"""
            SELECT date_trunc('week', trial_started_at AT TIME ZONE 'UTC')::date AS week, count(*) AS created, count(activated_at) AS converted
            FROM licenses WHERE trial_started_at >= @since AND {OfProduct} GROUP BY 1 ORDER BY 1
            """, new { since, product }, cancellationToken: cancel));
        var revocations = await connection.QueryAsync<(DateTime Day, long Count)>(new CommandDefinition($"""
            SELECT (revoked_at AT TIME ZONE 'UTC')::date AS day, count(*) AS count
            FROM licenses WHERE revoked_at >= @since AND {OfProduct} GROUP BY 1 ORDER BY 1
            """, new { since, product }, cancellationToken: cancel));
        // What each machine runs now: its latest heartbeat of the period, so an upgrade moves it, never counts it twice.
        var latest = await connection.QueryAsync<(string? Version, string? Os)>(new CommandDefinition($"""
            SELECT DISTINCT ON (license_id) app_version, os_info
            FROM heartbeats WHERE created_at >= @since AND {LicenseOfProduct} ORDER BY license_id, created_at DESC, id DESC
            """, new { since, product }, cancellationToken: cancel));
        // Failed sign-ins of people (wrong password, unknown email, disabled account), counted per UTC day.
        var failedLogins = await connection.QueryAsync<(DateTime Day, long Count)>(new CommandDefinition("""
            SELECT day, failures FROM login_failures WHERE day >= (@since AT TIME ZONE 'UTC')::date ORDER BY day
            """, new { since }, cancellationToken: cancel));
        return LicenseResults.Ok(new LicenseStatsResponse(
            since,
            licenses.Select(l => new LicenseCount(l.Type, l.Status, l.Count)).ToList(),
            trials.Select(t => new TrialDay(DateOnly.FromDateTime(t.Day), t.Created, t.Converted)).ToList(),
            new MachinesSeen(seen.Day, seen.Week, seen.Month),
            validations.Select(v => new DayCount(DateOnly.FromDateTime(v.Day), v.Count)).ToList(),
            failedLogins.Select(v => new DayCount(DateOnly.FromDateTime(v.Day), v.Count)).ToList(),
            days,
            weeks.Select(w => new TrialWeek(DateOnly.FromDateTime(w.Week), w.Created, w.Converted)).ToList(),
            revocations.Select(v => new DayCount(DateOnly.FromDateTime(v.Day), v.Count)).ToList(),
            Usage(latest.Select(l => l.Version)),
            Usage(latest.Select(l => l.Os)))
        {
            Products = await Backend.Core.Products.ProductStatsQuery.ReadAsync(connection, now, since, product, cancel),
        });
    }

    /// <summary>A license row of <c>@product</c>, or any when it is null.</summary>
    private const string OfProduct = "(@product::text IS NULL OR product = @product)";

    /// <summary>A row (heartbeat, history) whose <c>license_id</c> is a license of <c>@product</c>, or any when it is null.</summary>
    private const string LicenseOfProduct = "(@product::text IS NULL OR license_id IN (SELECT id FROM licenses WHERE product = @product))";

    /// <summary>Most used first; a machine that sent no value is counted as "inconnu" rather than dropped.</summary>
    private static List<UsageCount> Usage(IEnumerable<string?> values) =>
        values.GroupBy(v => string.IsNullOrWhiteSpace(v) ? "inconnu" : v.Trim())
            .Select(g => new UsageCount(g.Key, g.LongCount()))
            .OrderByDescending(u => u.Machines).ThenBy(u => u.Value, StringComparer.Ordinal)
            .ToList();
}
