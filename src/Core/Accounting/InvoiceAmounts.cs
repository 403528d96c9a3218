using Backend.Core.Invoices.Extraction;

namespace Backend.Core.Accounting;

/// <summary>
/// The amounts an entry must book, as positive values (a credit note is booked as the mirror of an invoice),
/// with the VAT split by rate. Built from the extracted fields, completing a missing total from the other two.
/// </summary>
public sealed record InvoiceAmounts(decimal Ht, decimal Tva, decimal Ttc, IReadOnlyList<VatLine> VatByRate, bool IsCreditNote)
{
    public static InvoiceAmounts From(InvoiceFields fields)
    {
        var ht = fields.AmountHt?.Value;
        var tva = fields.AmountTva?.Value;
        var ttc = fields.AmountTtc?.Value;
        var rate = fields.VatRate?.Value;
        var creditNote = fields.IsCreditNote || ht < 0 || tva < 0 || ttc < 0;

        ht = Abs(ht);
        tva = Abs(tva);
        ttc = Abs(ttc);
        var breakdown = fields.VatBreakdown
            .Select(l => new VatLine(l.Rate, Math.Abs(l.BaseAmount), Math.Abs(l.TaxAmount)))
            .ToList();

        // Complete the one missing total, as an accountant would from the document.
        if (tva is null && ht is not null && ttc is not null)
        {
            tva = ttc - ht;
        }
        else if (ht is null && tva is not null && ttc is not null)
        {
            ht = ttc - tva;
        }
        else if (ttc is null && ht is not null && tva is not null)
        {
            ttc = ht + tva;
        }
        else if (tva is null && ht is null && ttc is not null && rate is not null)
        {
            ht = Money.Round(ttc.Value / (1 + rate.Value / 100m));
            tva = ttc - ht;
        }
        else if (tva is null && ttc is null && ht is not null && rate is not null)
        {
            tva = Money.Round(ht.Value * rate.Value / 100m);
            ttc = ht + tva;
        }
        else if (tva is null && ttc is null && ht is not null && breakdown.Count > 0)
        {
            tva = breakdown.Sum(l => l.TaxAmount);
            ttc = ht + tva;
        }

        if (ht is null || tva is null || ttc is null)
        {
            throw new InvoiceNotAnalyzableException("Montants HT, TVA et TTC insuffisants pour comptabiliser la facture.");
        }
        if (ht != Money.Round(ht.Value) || tva != Money.Round(tva.Value) || ttc != Money.Round(ttc.Value))
        {
            throw new InvoiceNotAnalyzableException("Les montants ont plus de deux décimales.");
        }
        if (ht + tva != ttc)
        {
            throw new InvoiceNotAnalyzableException(
                $"HT + TVA ≠ TTC ({Money.Format(ht.Value)} + {Money.Format(tva.Value)} ≠ {Money.Format(ttc.Value)}) : corrigez les montants.");
        }
        if (tva < 0 || ht < 0)
        {
            throw new InvoiceNotAnalyzableException("Les montants HT et TVA doivent être de même signe que le TTC.");
        }

        return new InvoiceAmounts(ht.Value, tva.Value, ttc.Value, VatLines(breakdown, ht.Value, tva.Value, rate), creditNote);
    }

    // One line per rate. A breakdown that does not add up to the VAT total is not trusted: the total wins.
    private static List<VatLine> VatLines(List<VatLine> breakdown, decimal ht, decimal tva, decimal? rate)
    {
        if (tva == 0)
        {
            return [];
        }
        var byRate = breakdown
            .Where(l => l.TaxAmount != 0)
            .GroupBy(l => l.Rate)
            .OrderByDescending(g => g.Key)
            .Select(g => new VatLine(g.Key, g.Sum(l => l.BaseAmount), g.Sum(l => l.TaxAmount)))
            .ToList();
        if (byRate.Count > 0 && byRate.Sum(l => l.TaxAmount) == tva)
        {
            return byRate;
        }
        var singleRate = rate ?? (ht == 0 ? 0 : Math.Round(tva / ht * 100m, 1));
        return [new VatLine(singleRate, ht, tva)];
    }

    private static decimal? Abs(decimal? value) => value is null ? null : Math.Abs(value.Value);
}
