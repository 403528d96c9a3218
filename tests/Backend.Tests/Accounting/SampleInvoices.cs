using Backend.Core.Accounting;
using Backend.Core.Invoices.Extraction;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Accounting;

internal static class SampleInvoices
{
    public static InvoiceFields Fields(
        string? supplier = "ACME Corp",
        string? number = "FAC-2024-001",
        DateOnly? date = null,
        decimal? ht = 1000m,
        decimal? tva = 200m,
        decimal? ttc = 1200m,
        decimal? rate = 20m,
        IReadOnlyList<VatLine>? breakdown = null,
        bool creditNote = false) => new()
    {
        SupplierName = supplier is null ? null : new Extracted<string>(supplier, 0.95),
        InvoiceNumber = number is null ? null : new Extracted<string>(number, 0.95),
        InvoiceDate = new Extracted<DateOnly>(date ?? new DateOnly(2024, 1, 15), 0.95),
        AmountHt = ht is null ? null : new Extracted<decimal>(ht.Value, 0.95),
        AmountTva = tva is null ? null : new Extracted<decimal>(tva.Value, 0.95),
        AmountTtc = ttc is null ? null : new Extracted<decimal>(ttc.Value, 0.95),
        VatRate = rate is null ? null : new Extracted<decimal>(rate.Value, 0.9),
        Currency = new Extracted<string>("EUR", 1),
        VatBreakdown = breakdown ?? [],
        IsCreditNote = creditNote,
        Confidence = 0.92,
    };

    public static RulesInvoiceAnalyzer Rules(AccountingSettings? settings = null) =>
        new(Options.Create(settings ?? new AccountingSettings()));
}
