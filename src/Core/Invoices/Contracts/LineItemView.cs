namespace Backend.Core.Invoices.Contracts;

/// <summary>One line of an e-invoice, read exactly from its XML.</summary>
public sealed record LineItemView(string? Description, string? Quantity, string? UnitCode, string? UnitPrice, string? NetAmount, string? VatRate, string? VatCategory);
