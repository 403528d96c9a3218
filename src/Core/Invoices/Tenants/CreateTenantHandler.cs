using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Tenants;

/// <summary><c>POST /api/v1/admin/tenants</c> <c>{name}</c> with the admin key → 201 <c>{tenant_id, api_key}</c>.</summary>
public sealed class CreateTenantHandler(TenantStore tenants, AdminAuthenticator admins, AuditTrail audit)
{
    private const int MaxBodyBytes = 4096;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "name" };

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await admins.AuthenticateAsync(context) is not { } admin)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var body = await JsonObjectBody.ReadAsync(context, MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var name = fields.String("name", 200, required: true)?.Trim();
        if (name is not null && name.Any(char.IsControl))
        {
            fields.AddError("name", "caractères de contrôle interdits");
        }
        if (fields.HasErrors)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
        }
        var (tenantId, apiKey) = await tenants.CreateAsync(name!, context.RequestAborted);
        await audit.RecordAsync(admin, AuditActions.TenantCreated, tenantId.ToString(), new { name }, context.RequestAborted);
        return Results.Json(new { success = true, tenant_id = tenantId, name, api_key = apiKey }, JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }
}
