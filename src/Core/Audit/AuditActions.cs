namespace Backend.Core.Audit;

/// <summary>The actions recorded in <c>audit_events.action</c>.</summary>
public static class AuditActions
{
    public const string LicenseRevoked = "license.revoked";
    public const string ActivationCodesCreated = "activation_codes.created";
    public const string TenantCreated = "tenant.created";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordReset = "account.password_reset";
    public const string PasswordChanged = "account.password_changed";
    public const string PasswordSet = "account.password_set";
    public const string InvoiceCorrected = "invoice.corrected";
    public const string InvoiceValidated = "invoice.validated";
    public const string InvoiceRetried = "invoice.retried";
    public const string InvoiceUploaded = "invoice.uploaded";
    public const string ExportCreated = "export.created";
    public const string SupplierAccountSaved = "supplier_account.saved";
    public const string RefreshTokenReused = "session.refresh_token_reused";
}
