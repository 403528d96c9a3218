namespace Backend.Core.Invoices;

/// <summary>One row of <c>invoice_vat_lines</c>.</summary>
public sealed class StoredVatLine
{
    public string CategoryCode { get; init; } = "S";
    public decimal? Rate { get; init; }
    public decimal BaseAmount { get; init; }
    public decimal TaxAmount { get; init; }
}
