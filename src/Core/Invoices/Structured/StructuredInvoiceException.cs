namespace Backend.Core.Invoices.Structured;

/// <summary>An e-invoice XML (or the PDF attachment carrying it) cannot be read; the message is safe to store and show.</summary>
public sealed class StructuredInvoiceException(string message, Exception? inner = null) : Exception(message, inner);
