using Backend.Core.Http;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary>
/// <c>POST</c> <see cref="PartnerRoutes.DisablePartner"/>: a reseller created by an admin loses its key's access at the
/// next request (the key is looked up on every call). Its codes stay valid. Idempotent. A configured reseller is removed
/// from <c>Partners__ApiKeyHashes</c> instead.
/// </summary>
public sealed class DisablePartnerHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, Audit.AuditTrail audit, TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext context, string name)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        if (!PartnerName.IsValid(name))
        {
            return NotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            UPDATE partners SET disabled_at = coalesce(disabled_at, @now) WHERE name = @name
            RETURNING name, products, created_at, created_by, disabled_at
            """, new { name, now = time.GetUtcNow() }, cancellationToken: context.RequestAborted));
        if (row is null)
        {
            return NotFound(context);
        }
        await audit.RecordAsync(connection, null, admin, PartnerAuditActions.PartnerDisabled, name, null, context.RequestAborted);
        return Results.Json(new PartnerResponse(new PartnerSummary(row.Name, row.Products, "admin", row.CreatedAt, row.CreatedBy, row.DisabledAt)),
            JsonDefaults.SnakeCase);
    }

    private static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Revendeur introuvable (ou défini par la configuration).");

    private sealed record Row
    {
        public string Name { get; init; } = "";
        public string[] Products { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset? DisabledAt { get; init; }
    }
}
