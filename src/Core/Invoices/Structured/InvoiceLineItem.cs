namespace Backend.Core.Invoices.Structured;

/// <summary>One invoice line (BG-25), signed like the invoice's amounts.</summary>
public sealed record InvoiceLineItem(
    string? Description,
    decimal? Quantity,
    string? UnitCode,
    decimal? UnitPrice,
    decimal NetAmount,
    decimal? VatRate,
    string? VatCategory);
