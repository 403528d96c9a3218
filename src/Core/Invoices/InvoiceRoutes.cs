namespace Backend.Core.Invoices;

/// <summary>Route templates without the <c>api/</c> prefix, shared by SelfHost and the function app's HTTP triggers.</summary>
public static class InvoiceRoutes
{
    public const string Invoices = "invoices";
    public const string Upload = "upload";
    public const string Invoice = "invoices/{id}";
    public const string Retry = "invoices/{id}/retry";

    /// <summary>The current status of a few invoices, polled by the web app while uploads are in flight.</summary>
    public const string States = "invoices/states";

    /// <summary>The original file: with the tenant's API key, or with the signed, expiring query of <c>fileUrl</c>.</summary>
    public const string InvoiceFile = "invoices/{id}/file";
    public const string Tenants = "v1/admin/tenants";
}
