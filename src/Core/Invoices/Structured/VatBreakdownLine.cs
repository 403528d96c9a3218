namespace Backend.Core.Invoices.Structured;

/// <summary>One rate of the VAT breakdown (BG-23), signed like the invoice's amounts.</summary>
/// <param name="CategoryCode">UNCL 5305: S standard, Z zero, E exempt, AE reverse charge, K intra-EU, G export, O outside scope, L/M Canaries/Ceuta.</param>
public sealed record VatBreakdownLine(string CategoryCode, decimal? Rate, decimal BaseAmount, decimal TaxAmount);
