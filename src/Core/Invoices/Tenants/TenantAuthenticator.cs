using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Tenants;

/// <summary>Resolves the tenant of a request from its <c>X-Api-Key</c> header.</summary>
public sealed class TenantAuthenticator(TenantStore tenants)
{
    public const string HeaderName = "X-Api-Key";

    /// <returns>The tenant id, or null with <paramref name="failure"/> set to the 401 response.</returns>
    public async Task<(Guid? TenantId, IResult? Failure)> AuthenticateAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            return (null, Unauthorized(context, "Clé API manquante (en-tête X-Api-Key)."));
        }
        var tenantId = ApiKeyHasher.LooksValid(key) ? await tenants.FindByApiKeyAsync(key, context.RequestAborted) : null;
        return tenantId is null ? (null, Unauthorized(context, "Clé API invalide.")) : (tenantId, null);
    }

    private static IResult Unauthorized(HttpContext context, string message) =>
        ApiError.Result(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);
}
