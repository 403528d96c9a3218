namespace Backend.Core.Webhooks;

/// <summary>Routes under <c>/api</c> of the vendor's endpoints (license events), served by the license app and SelfHost.</summary>
public static class WebhookRoutes
{
    public const string Admin = "v1/admin/webhooks";
    public const string AdminOne = "v1/admin/webhooks/{id}";
    public const string AdminDeliveries = "v1/admin/webhooks/{id}/deliveries";
    public const string AdminRedeliver = "v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver";
    public const string AdminRotateSecret = "v1/admin/webhooks/{id}/rotate-secret";
    public const string AdminEnable = "v1/admin/webhooks/{id}/enable";
}
