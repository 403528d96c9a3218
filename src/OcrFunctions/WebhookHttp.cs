using Backend.Core.Webhooks;
using Backend.Core.Webhooks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>A tenant's webhook endpoints for its invoice events; Core checks the tenant key or token as in SelfHost.</summary>
public sealed class WebhookHttp(TenantWebhooksHandler handler)
{
    [Function("RegisterWebhook")]
    public Task<IResult> Register([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TenantWebhookRoutes.Tenant)] HttpRequest request) =>
        handler.RegisterAsync(request.HttpContext);

    [Function("ListWebhooks")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TenantWebhookRoutes.Tenant)] HttpRequest request) =>
        handler.ListAsync(request.HttpContext);

    [Function("DeleteWebhook")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = TenantWebhookRoutes.TenantOne)] HttpRequest request, string id) =>
        handler.DeleteAsync(request.HttpContext, id);

    [Function("WebhookDeliveries")]
    public Task<IResult> Deliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TenantWebhookRoutes.TenantDeliveries)] HttpRequest request, string id) =>
        handler.DeliveriesAsync(request.HttpContext, id);

    [Function("RedeliverWebhook")]
    public Task<IResult> Redeliver([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TenantWebhookRoutes.TenantRedeliver)] HttpRequest request, string id, string deliveryId) =>
        handler.RedeliverAsync(request.HttpContext, id, deliveryId);

    [Function("RotateWebhookSecret")]
    public Task<IResult> RotateSecret([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TenantWebhookRoutes.TenantRotateSecret)] HttpRequest request, string id) =>
        handler.RotateSecretAsync(request.HttpContext, id);

    [Function("EnableWebhook")]
    public Task<IResult> Enable([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TenantWebhookRoutes.TenantEnable)] HttpRequest request, string id) =>
        handler.EnableAsync(request.HttpContext, id);
}
