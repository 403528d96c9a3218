using System.Globalization;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// The EN 16931 business rules that protect the books, on the totals as written: a rule that fails names itself
/// (BR-CO-10 ...) so the user knows what to look at. Amounts compare to the cent; a VAT amount may differ from
/// base × rate by the rounding of its lines (one cent per line, at least one cent).
/// </summary>
public static class En16931Arithmetic
{
    public static IReadOnlyList<string> Check(DocumentTotals t)
    {
        var failures = new List<string>();
        if (t.LineTotal is { } lineTotal && t.LineNets.Count > 0 && t.LineNets.Sum() != lineTotal)
        {
            failures.Add($"BR-CO-10 : somme des lignes {F(t.LineNets.Sum())} ≠ total des lignes {F(lineTotal)}");
        }
        if (t.LineTotal is { } lt && t.TaxBasisTotal is { } basis && lt - (t.AllowanceTotal ?? 0) + (t.ChargeTotal ?? 0) != basis)
        {
            failures.Add($"BR-CO-13 : total des lignes {F(lt)} − remises {F(t.AllowanceTotal ?? 0)} + frais {F(t.ChargeTotal ?? 0)} ≠ total HT {F(basis)}");
        }
        if (t.TaxTotal is { } tax && t.UnsignedBreakdown.Count > 0 && t.UnsignedBreakdown.Sum(b => b.TaxAmount) != tax)
        {
            failures.Add($"BR-CO-14 : somme de la TVA par taux {F(t.UnsignedBreakdown.Sum(b => b.TaxAmount))} ≠ total TVA {F(tax)}");
        }
        if (t.TaxBasisTotal is { } ht && t.GrandTotal is { } ttc && ht + (t.TaxTotal ?? 0) != ttc)
        {
            failures.Add($"BR-CO-15 : HT {F(ht)} + TVA {F(t.TaxTotal ?? 0)} ≠ TTC {F(ttc)}");
        }
        if (t.GrandTotal is { } grand && t.DuePayable is { } due && grand - (t.Prepaid ?? 0) + (t.Rounding ?? 0) != due)
        {
            failures.Add($"BR-CO-16 : TTC {F(grand)} − acomptes {F(t.Prepaid ?? 0)} + arrondi {F(t.Rounding ?? 0)} ≠ net à payer {F(due)}");
        }
        var tolerance = Math.Max(0.01m, 0.01m * t.LineNets.Count);
        foreach (var line in t.UnsignedBreakdown)
        {
            var rate = line.Rate ?? 0m;
            var expected = Math.Round(line.BaseAmount * rate / 100m, 2, MidpointRounding.AwayFromZero);
            // Currencies invoiced in whole units (HUF, JPY) round the VAT to the unit.
            var wholeUnits = line.TaxAmount == decimal.Truncate(line.TaxAmount)
                             && Math.Round(line.BaseAmount * rate / 100m, 0, MidpointRounding.AwayFromZero) == line.TaxAmount;
            if (Math.Abs(expected - line.TaxAmount) > tolerance && !wholeUnits)
            {
                failures.Add($"BR-CO-17 : TVA à {F(rate)} % sur {F(line.BaseAmount)} = {F(expected)}, pas {F(line.TaxAmount)}");
            }
        }
        return failures;
    }

    private static string F(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
