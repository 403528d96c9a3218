namespace Backend.Core.Webhooks;

public static class WebhookErrorCodes
{
    /// <summary>The URL is malformed, not https, or resolves to an address endpoints may not have (SSRF defence).</summary>
    public const string InvalidWebhookUrl = "INVALID_WEBHOOK_URL";
    public const string WebhookNotFound = "WEBHOOK_NOT_FOUND";
    public const string DeliveryNotFound = "DELIVERY_NOT_FOUND";
}
