using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Tenants;

/// <summary>
/// Resolves the tenant of a request from its <c>X-Api-Key</c> header (machines) or a tenant user's access token in
/// <c>Authorization: Bearer</c> (people), scoped to that user's tenant. An admin's token names no tenant and is refused.
/// </summary>
public sealed class TenantAuthenticator(TenantStore tenants, BearerTokenAuthenticator tokens)
{
    public const string HeaderName = "X-Api-Key";

    /// <returns>The tenant id, or null with <paramref name="failure"/> set to the 401 response.</returns>
    public async Task<(Guid? TenantId, IResult? Failure)> AuthenticateAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            var bearer = BearerTokenAuthenticator.BearerOf(context.Request);
            if (bearer is null)
            {
                return (null, Unauthorized(context, "Clé API (en-tête X-Api-Key) ou jeton d'accès (Authorization: Bearer) manquant."));
            }
            var user = await tokens.AuthenticateAsync(bearer, AccountRoles.TenantUser, context.RequestAborted);
            return user is null ? (null, Unauthorized(context, "Jeton d'accès invalide ou expiré.")) : (user.Attach(context).TenantId, null);
        }
        var tenantId = ApiKeyHasher.LooksValid(key) ? await tenants.FindByApiKeyAsync(key, context.RequestAborted) : null;
        if (tenantId is null)
        {
            return (null, Unauthorized(context, "Clé API invalide."));
        }
        Caller.ApiKey(ApiKeyHasher.DisplayPrefix(key), tenantId).Attach(context);
        return (tenantId, null);
    }

    private static IResult Unauthorized(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiError.Result(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);
    }
}
