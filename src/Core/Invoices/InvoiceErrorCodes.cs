namespace Backend.Core.Invoices;

public static class InvoiceErrorCodes
{
    /// <summary>The request is well formed but the invoice's state forbids it (seed 003).</summary>
    public const string ValidationError = "VALIDATION_ERROR";
}
