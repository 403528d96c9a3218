using Backend.Core.Http;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary><c>GET</c> <see cref="PartnerRoutes.Partners"/>: every reseller, configured ones first, never a key.</summary>
public sealed class ListPartnersHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, PartnerAuthenticator partners)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var stored = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT name, products, created_at, created_by, disabled_at FROM partners ORDER BY name", cancellationToken: context.RequestAborted));
        var list = partners.ConfiguredPartners.Select(p => new PartnerSummary(p.Name, p.Products, "configuration", null, null, null))
            .Concat(stored.Select(r => new PartnerSummary(r.Name, r.Products, "admin", r.CreatedAt, r.CreatedBy, r.DisabledAt)))
            .ToList();
        return Results.Json(new PartnerListResponse(list), JsonDefaults.SnakeCase);
    }

    private sealed record Row
    {
        public string Name { get; init; } = "";
        public string[] Products { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset? DisabledAt { get; init; }
    }
}
