using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Updates;

/// <summary>
/// <c>PATCH</c> <see cref="UpdateRoutes.Release"/> <c>{rollout_percent}</c>: widens (or narrows, or stops at 0) a staged
/// rollout. Buckets are stable, so machines already inside stay inside when it widens.
/// </summary>
public sealed class UpdateRolloutHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    Audit.AuditTrail audit,
    IOptions<LicensingSettings> options)
{
    public const string ReleaseNotFound = "RELEASE_NOT_FOUND";
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "rollout_percent" };

    public async Task<IResult> HandleAsync(HttpContext context, string id)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, options.Value.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var rollout = fields.Int("rollout_percent", 0, 100, required: true);
        if (fields.HasErrors)
        {
            return PublishReleaseHandler.BadRequest(context, fields);
        }
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var releaseId))
        {
            return NotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var release = await connection.QuerySingleOrDefaultAsync<Release>(new CommandDefinition("""
            UPDATE releases SET rollout_percent = @rollout WHERE id = @releaseId
            RETURNING id, product, channel, version, url, sha256, size, notes, min_version, rollout_percent, created_at, created_by
            """, new { rollout, releaseId }, cancellationToken: context.RequestAborted));
        if (release is null)
        {
            return NotFound(context);
        }
        await audit.RecordAsync(connection, null, admin, UpdateAuditActions.RolloutChanged, $"{release.Product}/{release.Channel}/{release.Version}",
            new { release.Id, rollout_percent = rollout }, context.RequestAborted);
        return Results.Json(new ReleaseResponse(release), JsonDefaults.SnakeCase);
    }

    private static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, ReleaseNotFound, "Version publiée introuvable.");
}
