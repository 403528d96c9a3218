using System.Globalization;
using Backend.Core.Http;
using Backend.Core.Products;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary>
/// <c>GET</c> <see cref="PartnerRoutes.ActivationCodes"/><c>?product=&amp;page=&amp;page_size=</c>: the codes this reseller
/// created, newest first, with their use (used or not, when); nothing about licenses or other resellers' codes.
/// </summary>
public sealed class PartnerListCodesHandler(NpgsqlDataSource dataSource, PartnerGate gate, Audit.AuditTrail audit)
{
    private const int MaxPageSize = 200;
    private static readonly HashSet<string> Known = ["product", "page", "page_size"];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (partner, caller, refusal) = await gate.EnterAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }
        var query = context.Request.Query;
        var errors = new RequestFields(default);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        var product = query["product"].ToString() is { Length: > 0 } given ? given : null;
        if (product is not null && !ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        var page = Number(query["page"].ToString(), "page", 1, 1_000_000, 1, errors);
        var pageSize = Number(query["page_size"].ToString(), "page_size", 1, MaxPageSize, 50, errors);
        if (errors.HasErrors)
        {
            return PartnerResults.BadRequest(context, errors);
        }
        if (product is not null && !partner!.Sells(product))
        {
            return PartnerResults.ProductNotAllowed(context, product);
        }

        var cancel = context.RequestAborted;
        var parameters = new { partner = partner!.Name, product, limit = pageSize, offset = (long)(page - 1) * pageSize };
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM activation_codes WHERE partner = @partner AND (@product::text IS NULL OR product = @product)", parameters, cancellationToken: cancel));
        var codes = (await connection.QueryAsync<PartnerCode>(new CommandDefinition("""
            SELECT code, product, license_type, duration_days, created_at, expires_at, notes, is_used, used_at
            FROM activation_codes WHERE partner = @partner AND (@product::text IS NULL OR product = @product)
            ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancel))).ToList();
        await audit.RecordAsync(connection, null, caller!, PartnerAuditActions.CodesListed, product, new { page, page_size = pageSize, returned = codes.Count }, cancel);
        return Results.Json(new PartnerCodeListResponse(page, pageSize, total, codes), JsonDefaults.SnakeCase);
    }

    private static int Number(string text, string name, int min, int max, int fallback, RequestFields errors)
    {
        if (text.Length == 0)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.AddError(name, $"entier entre {min} et {max} attendu");
            return fallback;
        }
        return value;
    }
}
