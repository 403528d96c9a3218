using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Products;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary>
/// <c>POST admin/activation-codes</c>: creates <c>count</c> single-use codes of a product (default <c>Licensing__Product</c>)
/// for one of its license types and a duration.
/// </summary>
public sealed class ActivationCodesHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    public const int MaxCount = 1000;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "product", "license_type", "duration_days", "count", "expires_at", "notes" };
    private readonly LicensingSettings _settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var admin = await authenticator.AuthenticateAsync(context);
        if (admin is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, _settings.MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var now = LicenseClock.Now(time);
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
        var product = fields.String("product", ProductCode.MaxLength, required: false) ?? _settings.Product;
        if (fields.HasErrors)
        {
            return LicenseResults.BadRequest(context, fields);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var catalogued = await ProductStore.FindAsync(connection, null, product, context.RequestAborted);
        if (catalogued is null || !catalogued.LicenseTypes.Contains(type!))
        {
            fields.AddError(catalogued is null ? "product" : "license_type", catalogued is null ? "produit inconnu" : $"{product} n'accorde que {string.Join(", ", catalogued.LicenseTypes)}");
            return LicenseResults.BadRequest(context, fields);
        }
        var created = await ActivationCodeStore.CreateAsync(connection, product, type!, duration, count, now, expiresAt, admin.Name, null, notes, context.RequestAborted);
        await audit.RecordAsync(connection, null, admin, AuditActions.ActivationCodesCreated, type,
            new { product, count = created.Count, duration_days = duration, expires_at = expiresAt, notes }, context.RequestAborted);
        return LicenseResults.Ok(new ActivationCodesResponse(created, type!, duration, expiresAt) { Product = product }, StatusCodes.Status201Created);
    }
}
