namespace Backend.Core.Webhooks;

/// <summary>Routes under <c>/api</c>: the vendor's endpoints (license events) and a tenant's (its invoice events).</summary>
public static class WebhookRoutes
{
    public const string Admin = "v1/admin/webhooks";
    public const string AdminOne = "v1/admin/webhooks/{id}";
    public const string AdminDeliveries = "v1/admin/webhooks/{id}/deliveries";
    public const string AdminRedeliver = "v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver";
    public const string AdminRotateSecret = "v1/admin/webhooks/{id}/rotate-secret";
    public const string AdminEnable = "v1/admin/webhooks/{id}/enable";

    public const string Tenant = "webhooks";
    public const string TenantOne = "webhooks/{id}";
    public const string TenantDeliveries = "webhooks/{id}/deliveries";
    public const string TenantRedeliver = "webhooks/{id}/deliveries/{deliveryId}/redeliver";
    public const string TenantRotateSecret = "webhooks/{id}/rotate-secret";
    public const string TenantEnable = "webhooks/{id}/enable";
}
