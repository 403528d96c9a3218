namespace Backend.Core.Invoices;

/// <summary>What <c>GET /api/invoices</c> narrows the list to; every member null means no filter on it.</summary>
/// <param name="Statuses">Any of these statuses.</param>
/// <param name="Supplier">Part of the supplier's name, case-insensitive.</param>
/// <param name="From">First invoice date, inclusive.</param>
/// <param name="To">Last invoice date, inclusive.</param>
/// <param name="MinAmount">Smallest total incl. VAT (amountTTC), inclusive.</param>
/// <param name="MaxAmount">Largest total incl. VAT, inclusive.</param>
/// <param name="Number">Part of the invoice number, case-insensitive.</param>
public sealed record InvoiceListFilter(
    IReadOnlyList<string>? Statuses = null,
    string? Supplier = null,
    DateOnly? From = null,
    DateOnly? To = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    string? Number = null)
{
    public static InvoiceListFilter None { get; } = new();
}
