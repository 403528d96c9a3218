namespace Backend.Core.Invoices.Contracts;

/// <summary><c>{success, message:"OCR relancé", invoiceId}</c>.</summary>
public sealed record RetryResponse(bool Success, string Message, Guid InvoiceId);
