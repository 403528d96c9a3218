namespace Backend.Core.Invoices;

/// <summary>An invoice's stored VAT breakdown and lines (<c>invoice_vat_lines</c>, <c>invoice_line_items</c>).</summary>
public sealed record InvoiceDetailLines(IReadOnlyList<StoredVatLine> Vat, IReadOnlyList<StoredLineItem> Items)
{
    public static readonly InvoiceDetailLines None = new([], []);
}
