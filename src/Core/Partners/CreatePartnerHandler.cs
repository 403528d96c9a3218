using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Products;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary><c>POST</c> <see cref="PartnerRoutes.Partners"/>: creates a reseller and its key for some products; the key is shown once.</summary>
public sealed class CreatePartnerHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    PartnerAuthenticator partners,
    Audit.AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    public const string PartnerExists = "PARTNER_EXISTS";
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "name", "products" };

    public async Task<IResult> HandleAsync(HttpContext context)
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
        var name = fields.String("name", 100, required: true);
        if (name is not null && !PartnerName.IsValid(name))
        {
            fields.AddError("name", "lettres minuscules, chiffres, '.', '-' ou '_'");
        }
        var products = fields.StringList("products", 50, ProductCode.MaxLength, required: true);
        if (fields.HasErrors)
        {
            return PartnerResults.BadRequest(context, fields);
        }

        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var known = (await ProductStore.ListAsync(connection, cancel)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = products!.Where(p => !known.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            fields.AddError("products", $"produits inconnus : {string.Join(", ", unknown)}");
            return PartnerResults.BadRequest(context, fields);
        }
        if (partners.ConfiguredNames.Contains(name!, StringComparer.Ordinal))
        {
            return Exists(context);
        }
        var (key, keyId, hash) = PartnerApiKey.New();
        var createdAt = time.GetUtcNow();
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO partners (name, key_id, key_hash, products, created_at, created_by)
            VALUES (@name, @keyId, @hash, @products, @createdAt, @createdBy)
            ON CONFLICT (name) DO NOTHING
            """, new { name, keyId, hash, products = products!.ToArray(), createdAt, createdBy = admin.Name }, cancellationToken: cancel));
        if (inserted == 0)
        {
            return Exists(context);
        }
        await audit.RecordAsync(connection, null, admin, PartnerAuditActions.PartnerCreated, name, new { products }, cancel);
        return Results.Json(new CreatePartnerResponse(new PartnerSummary(name!, products!, "admin", createdAt, admin.Name, null), key),
            JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Exists(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status409Conflict, PartnerExists, "Ce revendeur existe déjà.",
            new Dictionary<string, string> { ["name"] = "déjà utilisé" });
}
