using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// Turns what a syntax reader found into the pipeline's <see cref="InvoiceFields"/>: confidence 1 for every field the XML
/// gives, amounts negated for credit-note type codes (the XML writes a credit note's amounts positive), totals completed
/// from the breakdown only where the XML leaves them out.
/// </summary>
internal static class StructuredInvoiceBuilder
{
    public static StructuredInvoice Build(
        string syntax, string typeCode, StructuredHeader header, DocumentTotals totals, IReadOnlyList<InvoiceLineItem> lines, string? paymentTerms, string? iban)
    {
        var creditType = StructuredInvoice.CreditNoteTypes.Contains(typeCode);
        var sign = creditType ? -1m : 1m;

        var ht = totals.TaxBasisTotal
                 ?? (totals.LineTotal is { } lt ? lt - (totals.AllowanceTotal ?? 0) + (totals.ChargeTotal ?? 0) : null);
        var tva = totals.TaxTotal
                  ?? (totals.UnsignedBreakdown.Count > 0 ? totals.UnsignedBreakdown.Sum(b => b.TaxAmount) : (decimal?)null)
                  ?? (totals.GrandTotal is { } g && ht is { } h ? g - h : null);
        var ttc = totals.GrandTotal ?? (ht is { } h2 && tva is { } t2 ? h2 + t2 : null);

        var rates = totals.UnsignedBreakdown.Select(b => b.Rate).Distinct().ToList();
        var breakdown = totals.UnsignedBreakdown.Select(b => b with { BaseAmount = sign * b.BaseAmount, TaxAmount = sign * b.TaxAmount }).ToList();
        var signedLines = lines.Select(l => l with { NetAmount = sign * l.NetAmount }).ToList();

        var fields = new InvoiceFields
        {
            SupplierName = Exact(header.SupplierName),
            SupplierVat = Exact(header.SupplierVat),
            SupplierSiren = Exact(header.SupplierSiren),
            SupplierSiret = Exact(header.SupplierSiret),
            SupplierAddress = Exact(header.SupplierAddress),
            InvoiceNumber = Exact(header.Number),
            InvoiceDate = header.IssueDate is { } date ? new Extracted<DateOnly>(date, 1) : null,
            DueDate = header.DueDate is { } due ? new Extracted<DateOnly>(due, 1) : null,
            AmountHt = Amount(sign, ht),
            AmountTva = Amount(sign, tva),
            AmountTtc = Amount(sign, ttc),
            VatRate = rates is [{ } single] ? new Extracted<decimal>(single, 1) : null,
            Currency = new Extracted<string>(header.Currency, 1),
            VatBreakdown = breakdown.Select(b => new VatLine(b.Rate ?? 0m, b.BaseAmount, b.TaxAmount)).ToList(),
            IsCreditNote = creditType || sign * (ttc ?? 0) < 0,
            Confidence = 1.0,
        };
        return new StructuredInvoice(syntax, typeCode, fields, breakdown, signedLines, paymentTerms, iban, totals);
    }

    public static (string? Siren, string? Siret) SirenSiret(IEnumerable<string> digitRuns)
    {
        string? siren = null, siret = null;
        foreach (var digits in digitRuns)
        {
            if (digits.Length == 14)
            {
                siret ??= digits;
                siren ??= digits[..9];
            }
            else if (digits.Length == 9)
            {
                siren ??= digits;
            }
        }
        return (siren, siret);
    }

    private static Extracted<string>? Exact(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Extracted<string>(value.Trim(), 1);

    private static Extracted<decimal>? Amount(decimal sign, decimal? value) => value is { } v ? new Extracted<decimal>(sign * v, 1) : null;
}
