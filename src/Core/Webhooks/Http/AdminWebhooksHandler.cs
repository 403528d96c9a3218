using Backend.Core.Events;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Webhooks.Http;

/// <summary><see cref="WebhookRoutes.Admin"/>: the vendor's endpoints, for license events. Admin key or admin access token.</summary>
public sealed class AdminWebhooksHandler(AdminAuthenticator authenticator, WebhookEndpointOperations operations)
{
    public Task<IResult> RegisterAsync(HttpContext context) =>
        AsAdmin(context, caller => operations.RegisterAsync(context, null, caller.Name,
            caller.Kind == CallerKind.Account ? caller.Name : null, EventTypes.License));

    public Task<IResult> ListAsync(HttpContext context) => AsAdmin(context, _ => operations.ListAsync(context, null));

    public Task<IResult> DeleteAsync(HttpContext context, string id) => AsAdmin(context, _ => operations.DeleteAsync(context, null, id));

    public Task<IResult> DeliveriesAsync(HttpContext context, string id) => AsAdmin(context, _ => operations.DeliveriesAsync(context, null, id));

    public Task<IResult> RedeliverAsync(HttpContext context, string id, string deliveryId) =>
        AsAdmin(context, _ => operations.RedeliverAsync(context, null, id, deliveryId));

    public Task<IResult> RotateSecretAsync(HttpContext context, string id) => AsAdmin(context, _ => operations.RotateSecretAsync(context, null, id));

    public Task<IResult> EnableAsync(HttpContext context, string id) => AsAdmin(context, _ => operations.EnableAsync(context, null, id));

    private async Task<IResult> AsAdmin(HttpContext context, Func<Caller, Task<IResult>> action)
    {
        var caller = await authenticator.AuthenticateAsync(context);
        return caller is null ? AdminAuthenticator.Unauthorized(context) : await action(caller);
    }
}
