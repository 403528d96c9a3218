namespace Backend.Core.Webhooks;

/// <summary>Routes under <c>/api</c> of a tenant's endpoints (its invoice events), served by the OCR app and SelfHost.</summary>
public static class TenantWebhookRoutes
{
    public const string Tenant = "webhooks";
    public const string TenantOne = "webhooks/{id}";
    public const string TenantDeliveries = "webhooks/{id}/deliveries";
    public const string TenantRedeliver = "webhooks/{id}/deliveries/{deliveryId}/redeliver";
    public const string TenantRotateSecret = "webhooks/{id}/rotate-secret";
    public const string TenantEnable = "webhooks/{id}/enable";
}
