namespace Backend.Core.Invoices;

/// <summary>One row of <c>invoice_line_items</c>.</summary>
public sealed class StoredLineItem
{
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public string? UnitCode { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal NetAmount { get; init; }
    public decimal? VatRate { get; init; }
    public string? VatCategory { get; init; }
}
