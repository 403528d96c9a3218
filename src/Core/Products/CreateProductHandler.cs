using Backend.Core.Http;
using Backend.Core.Licensing;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Products;

/// <summary><c>POST</c> <see cref="ProductRoutes.Products"/>: adds a product to the catalog (trial length by default <c>Licensing__TrialDays</c>).</summary>
public sealed class CreateProductHandler(
    NpgsqlDataSource dataSource,
    AdminAuthenticator authenticator,
    Audit.AuditTrail audit,
    TimeProvider time,
    IOptions<LicensingSettings> options)
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "code", "name", "trial_days", "license_types", "renewal_url" };

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
        var code = fields.String("code", ProductCode.MaxLength, required: true);
        if (code is not null && !ProductCode.IsValid(code))
        {
            fields.AddError("code", "lettres minuscules, chiffres, - ou _");
        }
        var name = ProductFields.Name(fields, required: true);
        var trialDays = ProductFields.TrialDays(fields, required: false) ?? options.Value.TrialDays;
        var licenseTypes = ProductFields.LicenseTypesOf(fields) ?? LicenseTypes.All;
        var renewalUrl = ProductFields.RenewalUrl(fields);
        if (fields.HasErrors)
        {
            return ProductFields.BadRequest(context, fields);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var created = await ProductStore.InsertAsync(connection, new Product
        {
            Code = code!,
            Name = name!,
            TrialDays = trialDays,
            LicenseTypes = [.. licenseTypes],
            RenewalUrl = string.IsNullOrEmpty(renewalUrl) ? null : renewalUrl,
            CreatedAt = LicenseClock.Now(time),
        }, context.RequestAborted);
        if (created is null)
        {
            return ApiError.Result(context, StatusCodes.Status409Conflict, ProductErrorCodes.ProductExists, "Ce produit existe déjà.",
                new Dictionary<string, string> { ["code"] = "déjà utilisé" });
        }
        await audit.RecordAsync(connection, null, admin, ProductAuditActions.ProductCreated, created.Code,
            new { created.Name, trial_days = created.TrialDays, license_types = created.LicenseTypes, renewal_url = created.RenewalUrl }, context.RequestAborted);
        return Results.Json(new ProductResponse(created), JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }
}
