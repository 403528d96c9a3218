namespace Backend.Core.Invoices.Structured;

/// <summary>The document's monetary totals (BG-22) as written, before any credit-note sign.</summary>
public sealed record DocumentTotals(
    decimal? LineTotal,
    decimal? AllowanceTotal,
    decimal? ChargeTotal,
    decimal? TaxBasisTotal,
    decimal? TaxTotal,
    decimal? GrandTotal,
    decimal? Prepaid,
    decimal? Rounding,
    decimal? DuePayable,
    IReadOnlyList<decimal> LineNets,
    IReadOnlyList<VatBreakdownLine> UnsignedBreakdown);
