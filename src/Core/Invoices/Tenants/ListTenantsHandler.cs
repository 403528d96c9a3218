using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Tenants;

/// <summary>
/// <c>GET /api/v1/admin/tenants</c> with an admin credential → 200 <c>{success, tenants}</c>: the firms a tenant user can be
/// attached to, so the console offers names instead of asking for an id.
/// </summary>
public sealed class ListTenantsHandler(TenantStore tenants, AdminAuthenticator admins)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await admins.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var list = await tenants.ListAsync(context.RequestAborted);
        return Results.Json(new TenantListResponse(true, list), JsonDefaults.SnakeCase);
    }
}
