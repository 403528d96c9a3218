namespace Backend.Core.Invoices.Contracts;

/// <summary>One rate of an invoice's VAT breakdown, amounts as "200.00".</summary>
public sealed record VatLineView(string CategoryCode, string? Rate, string? BaseAmount, string? TaxAmount);
