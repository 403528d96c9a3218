using System.Globalization;
using System.Text.RegularExpressions;

namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Finds per-rate VAT lines by arithmetic rather than by layout: a row naming a rate r % and holding two
/// amounts b and t with b × r / 100 = t (to the cent) is a VAT line, however the table is drawn.
/// </summary>
internal static partial class VatBreakdownReader
{
    [GeneratedRegex(@"(?<![\d,.])(?<rate>\d{1,2}(?:[.,]\d{1,2})?)\s?%")]
    private static partial Regex RatePattern();

    // A VAT row holds a rate, a base and a tax, perhaps a total and a code: a row with more amounts is a table
    // of items or numbers, and pairing all its amounts would cost the square of their count.
    private const int MaxAmountsPerVatRow = 12;

    public static IReadOnlyList<VatLine> Read(DocumentLayout layout, LabelFinder labels, ExtractionBudget budget)
    {
        var lines = new List<VatLine>();
        foreach (var line in layout.Lines)
        {
            budget.Spend(line.Text.Length / 16 + 1);
            var rates = RateOf(line.Text);
            if (rates.Count == 0)
            {
                continue;
            }
            var amounts = AmountParser.FindAll(line.Text);
            if (amounts.Count > MaxAmountsPerVatRow || rates.Count > 4)
            {
                continue;
            }
            var mentionsVat = line.Folded.Contains("tva", StringComparison.Ordinal) || line.Folded.Contains("t.v.a", StringComparison.Ordinal)
                || line.Folded.Contains("taxe", StringComparison.Ordinal) || line.Folded.Contains("base", StringComparison.Ordinal)
                || line.Folded.Contains("vat", StringComparison.Ordinal) || line.Folded.Contains("taux", StringComparison.Ordinal);
            if (labels.IsItemTableHeader(line))
            {
                continue;
            }
            foreach (var rate in rates)
            {
                VatLine? best = null;
                foreach (var b in amounts)
                {
                    foreach (var t in amounts)
                    {
                        if (ReferenceEquals(b, t) || Math.Abs(b.Value) <= Math.Abs(t.Value) || (!mentionsVat && !(b.HasDecimals && t.HasDecimals)))
                        {
                            continue;
                        }
                        if (Math.Abs(Math.Round(b.Value * rate / 100m, 2, MidpointRounding.AwayFromZero) - t.Value) <= 0.011m
                            && (best is null || Math.Abs(b.Value) > Math.Abs(best.BaseAmount)))
                        {
                            best = new VatLine(rate, b.Value, t.Value);
                        }
                    }
                }
                if (best is not null && !lines.Contains(best))
                {
                    lines.Add(best);
                }
            }
        }
        return lines;
    }

    public static IReadOnlyList<decimal> RateOf(string text)
    {
        var rates = new List<decimal>();
        foreach (Match m in RatePattern().Matches(text))
        {
            var rate = decimal.Parse(m.Groups["rate"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            if (rate > 0 && rate <= 27 && !rates.Contains(rate))
            {
                rates.Add(rate);
            }
        }
        return rates;
    }
}
