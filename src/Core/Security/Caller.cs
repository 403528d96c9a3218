using Microsoft.AspNetCore.Http;

namespace Backend.Core.Security;

/// <summary>
/// Who a request acts for once authenticated: a named API key (machines) or a signed-in account (people).
/// The authenticators keep it on the request so handlers that change data can record the actor.
/// </summary>
public sealed record Caller(CallerKind Kind, string Name, Guid? AccountId, string? Role, Guid? TenantId, Guid? SessionId = null)
{
    private const string ItemKey = "Backend.Caller";

    public static Caller ApiKey(string name, Guid? tenantId = null) => new(CallerKind.ApiKey, name, null, null, tenantId);

    public static Caller Account(Guid accountId, string email, string role, Guid? tenantId, Guid sessionId) => new(CallerKind.Account, email, accountId, role, tenantId, sessionId);

    /// <summary>The caller an authenticator recorded on this request, or null before (or without) authentication.</summary>
    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Caller : null;

    internal Caller Attach(HttpContext context)
    {
        context.Items[ItemKey] = this;
        return this;
    }
}
