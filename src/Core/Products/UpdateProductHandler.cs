using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Products;

/// <summary>
/// <c>PATCH</c> <see cref="ProductRoutes.Product"/>: changes a product's name, trial length, license types or renewal URL.
/// The code never changes: it is signed into every key of the product.
/// </summary>
public sealed class UpdateProductHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    Audit.AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "name", "trial_days", "license_types", "renewal_url" };

    public async Task<IResult> HandleAsync(HttpContext context, string code)
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
        var name = ProductFields.Name(fields, required: false);
        var trialDays = ProductFields.TrialDays(fields, required: false);
        var licenseTypes = ProductFields.LicenseTypesOf(fields);
        var renewalUrl = ProductFields.RenewalUrl(fields);
        if (fields.HasErrors)
        {
            return ProductFields.BadRequest(context, fields);
        }
        if (!ProductCode.IsValid(code))
        {
            return NotFound(context);
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var updated = await ProductStore.UpdateAsync(connection, code, name, trialDays, licenseTypes, renewalUrl, LicenseClock.Now(time), context.RequestAborted);
        if (updated is null)
        {
            return NotFound(context);
        }
        await audit.RecordAsync(connection, null, admin, ProductAuditActions.ProductUpdated, code,
            new { name, trial_days = trialDays, license_types = licenseTypes, renewal_url = renewalUrl }, context.RequestAborted);
        return Results.Json(new ProductResponse(updated), JsonDefaults.SnakeCase);
    }

    internal static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, ProductErrorCodes.ProductNotFound, "Produit inconnu.");
}
