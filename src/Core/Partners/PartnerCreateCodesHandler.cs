using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Products;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Partners;

/// <summary>
/// <c>POST</c> <see cref="PartnerRoutes.ActivationCodes"/>: a reseller creates activation codes of a product its key is
/// open to (403 otherwise), recorded with its name and in the audit trail.
/// </summary>
public sealed class PartnerCreateCodesHandler(
    NpgsqlDataSource dataSource,
    PartnerGate gate,
    Audit.AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    public const int MaxCount = 100;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "product", "license_type", "duration_days", "count", "expires_at", "notes" };

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (partner, caller, refusal) = await gate.EnterAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = await JsonObjectBody.ReadAsync(context, options.Value.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var now = time.GetUtcNow();
        var product = fields.String("product", ProductCode.MaxLength, required: true);
        var type = fields.String("license_type", 20, required: true);
        if (type is not null && !LicenseTypes.IsKnown(type))
        {
            fields.AddError("license_type", "trial, monthly, annual ou lifetime");
        }
        var lifetime = type == LicenseTypes.Lifetime;
        var duration = fields.Int("duration_days", lifetime ? 0 : 1, 36500, required: !lifetime) ?? 0;
        var count = fields.Int("count", 1, MaxCount, required: false) ?? 1;
        var expiresAt = fields.Timestamp("expires_at", required: false);
        if (expiresAt is not null && expiresAt <= now)
        {
            fields.AddError("expires_at", "doit être dans le futur");
        }
        var notes = fields.String("notes", 1000, required: false);
        if (fields.HasErrors)
        {
            return PartnerResults.BadRequest(context, fields);
        }
        if (!partner!.Sells(product!))
        {
            return PartnerResults.ProductNotAllowed(context, product!);
        }

        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var catalogued = await ProductStore.FindAsync(connection, null, product!, cancel);
        if (catalogued is null || !catalogued.LicenseTypes.Contains(type!))
        {
            fields.AddError(catalogued is null ? "product" : "license_type", catalogued is null ? "produit inconnu" : $"{product} n'accorde que {string.Join(", ", catalogued.LicenseTypes)}");
            return PartnerResults.BadRequest(context, fields);
        }
        var created = await ActivationCodeStore.CreateAsync(connection, product!, type!, duration, count, now, expiresAt, caller!.Name, partner.Name, notes, cancel);
        await audit.RecordAsync(connection, null, caller, PartnerAuditActions.CodesCreated, product,
            new { license_type = type, count = created.Count, duration_days = duration, expires_at = expiresAt, notes }, cancel);
        return Results.Json(new ActivationCodesResponse(created, type!, duration, expiresAt) { Product = product! }, JsonDefaults.SnakeCase,
            statusCode: StatusCodes.Status201Created);
    }
}
