namespace Backend.Core.Events;

/// <summary>The events of issue 18, as written in <c>events.type</c>, the webhook payload and an endpoint's subscription.</summary>
public static class EventTypes
{
    public const string LicenseTrialStarted = "license.trial_started";
    public const string LicenseActivated = "license.activated";
    public const string LicenseRevoked = "license.revoked";
    public const string LicenseExpiring = "license.expiring";
    public const string LicenseExpired = "license.expired";
    public const string InvoiceOcrCompleted = "invoice.ocr_completed";
    public const string InvoiceNeedsReview = "invoice.needs_review";
    public const string InvoiceOcrFailed = "invoice.ocr_failed";
    public const string InvoiceValidated = "invoice.validated";
    public const string ExportCompleted = "export.completed";

    /// <summary>What the vendor's endpoints (<c>/api/v1/admin/webhooks</c>) may subscribe to.</summary>
    public static IReadOnlyList<string> License { get; } =
        [LicenseTrialStarted, LicenseActivated, LicenseRevoked, LicenseExpiring, LicenseExpired];

    /// <summary>What a tenant's endpoints (<c>/api/webhooks</c>) may subscribe to: only its own invoices and exports.</summary>
    public static IReadOnlyList<string> Tenant { get; } =
        [InvoiceOcrCompleted, InvoiceNeedsReview, InvoiceOcrFailed, InvoiceValidated, ExportCompleted];
}
