using Backend.Core.Webhooks;
using Backend.Core.Webhooks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.LicenseFunctions;

/// <summary>The vendor's webhook endpoints for license events; Core checks the admin key or token as in SelfHost.</summary>
public sealed class WebhookAdminFunctions(AdminWebhooksHandler handler)
{
    [Function("RegisterAdminWebhook")]
    public Task<IResult> Register([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookRoutes.Admin)] HttpRequest request) =>
        handler.RegisterAsync(request.HttpContext);

    [Function("ListAdminWebhooks")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebhookRoutes.Admin)] HttpRequest request) =>
        handler.ListAsync(request.HttpContext);

    [Function("DeleteAdminWebhook")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = WebhookRoutes.AdminOne)] HttpRequest request, string id) =>
        handler.DeleteAsync(request.HttpContext, id);

    [Function("AdminWebhookDeliveries")]
    public Task<IResult> Deliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebhookRoutes.AdminDeliveries)] HttpRequest request, string id) =>
        handler.DeliveriesAsync(request.HttpContext, id);

    [Function("RedeliverAdminWebhook")]
    public Task<IResult> Redeliver([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookRoutes.AdminRedeliver)] HttpRequest request, string id, string deliveryId) =>
        handler.RedeliverAsync(request.HttpContext, id, deliveryId);

    [Function("RotateAdminWebhookSecret")]
    public Task<IResult> RotateSecret([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookRoutes.AdminRotateSecret)] HttpRequest request, string id) =>
        handler.RotateSecretAsync(request.HttpContext, id);

    [Function("EnableAdminWebhook")]
    public Task<IResult> Enable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebhookRoutes.AdminEnable)] HttpRequest request, string id) =>
        handler.EnableAsync(request.HttpContext, id);
}
