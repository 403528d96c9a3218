using Backend.Core.Events;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Webhooks.Http;

/// <summary><see cref="TenantWebhookRoutes.Tenant"/>: a tenant's endpoints, for its invoice and export events. Tenant key or a tenant user's token.</summary>
public sealed class TenantWebhooksHandler(TenantAuthenticator authenticator, WebhookEndpointOperations operations)
{
    public Task<IResult> RegisterAsync(HttpContext context) =>
        AsTenant(context, tenantId => operations.RegisterAsync(context, tenantId, CreatedBy(context, tenantId),
            Caller.Of(context) is { Kind: CallerKind.Account } account ? account.Name : null, EventTypes.Tenant));

    public Task<IResult> ListAsync(HttpContext context) => AsTenant(context, tenantId => operations.ListAsync(context, tenantId));

    public Task<IResult> DeleteAsync(HttpContext context, string id) => AsTenant(context, tenantId => operations.DeleteAsync(context, tenantId, id));

    public Task<IResult> DeliveriesAsync(HttpContext context, string id) => AsTenant(context, tenantId => operations.DeliveriesAsync(context, tenantId, id));

    public Task<IResult> RedeliverAsync(HttpContext context, string id, string deliveryId) =>
        AsTenant(context, tenantId => operations.RedeliverAsync(context, tenantId, id, deliveryId));

    public Task<IResult> RotateSecretAsync(HttpContext context, string id) => AsTenant(context, tenantId => operations.RotateSecretAsync(context, tenantId, id));

    public Task<IResult> EnableAsync(HttpContext context, string id) => AsTenant(context, tenantId => operations.EnableAsync(context, tenantId, id));

    private static string CreatedBy(HttpContext context, Guid tenantId) => Caller.Of(context)?.Name ?? $"tenant:{tenantId}";

    private async Task<IResult> AsTenant(HttpContext context, Func<Guid, Task<IResult>> action)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        return tenantId is null ? failure! : await action(tenantId.Value);
    }
}
