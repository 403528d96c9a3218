using Backend.Core.Http;
using Backend.Core.Webhooks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>The vendor's webhook routes (license app, SelfHost).</summary>
    public static IEndpointRouteBuilder MapAdminWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("").WithTags("Webhooks (admin)");
        admin.MapPost(WebhookRoutes.Admin, (AdminWebhooksHandler h, HttpContext c) => h.RegisterAsync(c))
            .WithName("RegisterAdminWebhook").WithSummary("Enregistre un webhook pour les événements de licence")
            .Accepts<RegisterWebhookRequest>("application/json")
            .Produces<WebhookCreatedResponse>(StatusCodes.Status201Created).ProducesApiErrors(400, 401, 413, 415);
        admin.MapGet(WebhookRoutes.Admin, (AdminWebhooksHandler h, HttpContext c) => h.ListAsync(c))
            .WithName("ListAdminWebhooks").Produces<WebhookListResponse>().ProducesApiErrors(401);
        admin.MapDelete(WebhookRoutes.AdminOne, (AdminWebhooksHandler h, HttpContext c, string id) => h.DeleteAsync(c, id))
            .WithName("DeleteAdminWebhook").Produces<WebhookChangedResponse>().ProducesApiErrors(401, 404);
        admin.MapGet(WebhookRoutes.AdminDeliveries, (AdminWebhooksHandler h, HttpContext c, string id) => h.DeliveriesAsync(c, id))
            .WithName("AdminWebhookDeliveries").WithSummary("Journal des livraisons : statut, latence, extrait de réponse")
            .Produces<WebhookDeliveriesResponse>().ProducesApiErrors(401, 404);
        admin.MapPost(WebhookRoutes.AdminRedeliver, (AdminWebhooksHandler h, HttpContext c, string id, string deliveryId) => h.RedeliverAsync(c, id, deliveryId))
            .WithName("RedeliverAdminWebhook").Produces<WebhookChangedResponse>(StatusCodes.Status202Accepted).ProducesApiErrors(401, 404);
        admin.MapPost(WebhookRoutes.AdminRotateSecret, (AdminWebhooksHandler h, HttpContext c, string id) => h.RotateSecretAsync(c, id))
            .WithName("RotateAdminWebhookSecret").Produces<WebhookSecretResponse>().ProducesApiErrors(401, 404);
        admin.MapPost(WebhookRoutes.AdminEnable, (AdminWebhooksHandler h, HttpContext c, string id) => h.EnableAsync(c, id))
            .WithName("EnableAdminWebhook").Produces<WebhookChangedResponse>().ProducesApiErrors(401, 404);
        return api;
    }

    /// <summary>A tenant's webhook routes (OCR app, SelfHost).</summary>
    public static IEndpointRouteBuilder MapTenantWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var tenant = api.MapGroup("").WithTags("Webhooks");
        tenant.MapPost(TenantWebhookRoutes.Tenant, (TenantWebhooksHandler h, HttpContext c) => h.RegisterAsync(c))
            .WithName("RegisterWebhook").WithSummary("Enregistre un webhook pour les événements de factures du tenant")
            .Accepts<RegisterWebhookRequest>("application/json")
            .Produces<WebhookCreatedResponse>(StatusCodes.Status201Created).ProducesApiErrors(400, 401, 413, 415);
        tenant.MapGet(TenantWebhookRoutes.Tenant, (TenantWebhooksHandler h, HttpContext c) => h.ListAsync(c))
            .WithName("ListWebhooks").Produces<WebhookListResponse>().ProducesApiErrors(401);
        tenant.MapDelete(TenantWebhookRoutes.TenantOne, (TenantWebhooksHandler h, HttpContext c, string id) => h.DeleteAsync(c, id))
            .WithName("DeleteWebhook").Produces<WebhookChangedResponse>().ProducesApiErrors(401, 404);
        tenant.MapGet(TenantWebhookRoutes.TenantDeliveries, (TenantWebhooksHandler h, HttpContext c, string id) => h.DeliveriesAsync(c, id))
            .WithName("WebhookDeliveries").Produces<WebhookDeliveriesResponse>().ProducesApiErrors(401, 404);
        tenant.MapPost(TenantWebhookRoutes.TenantRedeliver, (TenantWebhooksHandler h, HttpContext c, string id, string deliveryId) => h.RedeliverAsync(c, id, deliveryId))
            .WithName("RedeliverWebhook").Produces<WebhookChangedResponse>(StatusCodes.Status202Accepted).ProducesApiErrors(401, 404);
        tenant.MapPost(TenantWebhookRoutes.TenantRotateSecret, (TenantWebhooksHandler h, HttpContext c, string id) => h.RotateSecretAsync(c, id))
            .WithName("RotateWebhookSecret").Produces<WebhookSecretResponse>().ProducesApiErrors(401, 404);
        tenant.MapPost(TenantWebhookRoutes.TenantEnable, (TenantWebhooksHandler h, HttpContext c, string id) => h.EnableAsync(c, id))
            .WithName("EnableWebhook").Produces<WebhookChangedResponse>().ProducesApiErrors(401, 404);
        return api;
    }

    /// <summary>The unsubscribe link of reminder e-mails (license app, SelfHost).</summary>
    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(Notifications.EmailRoutes.Unsubscribe, (Notifications.UnsubscribeHandler h, HttpContext c) => h.HandleAsync(c))
            .WithTags("E-mail").WithName("UnsubscribeReminders").WithSummary("Désinscription des rappels d'expiration (le lien)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesApiErrors(400, 404);
        api.MapPost(Notifications.EmailRoutes.Unsubscribe, (Notifications.UnsubscribeHandler h, HttpContext c) => h.HandleAsync(c))
            .WithTags("E-mail").WithName("UnsubscribeRemindersOneClick").WithSummary("Désinscription en un clic (RFC 8058)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesApiErrors(400, 404);
        return api;
    }
}
