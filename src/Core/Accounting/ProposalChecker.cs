namespace Backend.Core.Accounting;

/// <summary>
/// The invariants every proposal must satisfy before it is stored, whichever analyzer (or user) produced it:
/// balanced to the cent, amounts matching the invoice's HT/TVA/TTC on the right side, valid PCG accounts of
/// the configured length, the purchase journal, the invoice date. Messages are French, for the analysis notes.
/// </summary>
public static class ProposalChecker
{
    public static IReadOnlyList<string> Check(
        IReadOnlyList<AccountingEntry> entries, InvoiceAmounts amounts, DateOnly invoiceDate, AccountingSettings settings)
    {
        var problems = new List<string>();
        if (entries.Count == 0)
        {
            problems.Add("Aucune écriture.");
            return problems;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var line = $"Ligne {i + 1}";
            if (e.JournalCode != settings.PurchaseJournal)
            {
                problems.Add($"{line} : journal « {e.JournalCode} » au lieu de {settings.PurchaseJournal}.");
            }
            if (e.EntryDate != invoiceDate)
            {
                problems.Add($"{line} : date {e.EntryDate:yyyy-MM-dd} au lieu de la date de facture {invoiceDate:yyyy-MM-dd}.");
            }
            if (!AccountNumber.IsValid(e.AccountNumber, settings.AccountNumberLength))
            {
                problems.Add($"{line} : « {e.AccountNumber} » n'est pas un compte PCG de {settings.AccountNumberLength} chiffres.");
            }
            else if (Kind(e.AccountNumber) is AccountKind.Other)
            {
                problems.Add($"{line} : compte {e.AccountNumber} inattendu dans une écriture d'achat.");
            }
            if (string.IsNullOrWhiteSpace(e.Label))
            {
                problems.Add($"{line} : libellé vide.");
            }
            if (e.Debit < 0 || e.Credit < 0)
            {
                problems.Add($"{line} : montant négatif.");
            }
            if ((e.Debit != 0) == (e.Credit != 0))
            {
                problems.Add($"{line} : il faut exactement un montant au débit ou au crédit.");
            }
            if (e.Debit != Money.Round(e.Debit) || e.Credit != Money.Round(e.Credit))
            {
                problems.Add($"{line} : plus de deux décimales.");
            }
        }

        var debit = entries.Sum(e => e.Debit);
        var credit = entries.Sum(e => e.Credit);
        if (debit != credit)
        {
            problems.Add($"Écriture déséquilibrée : débit {Money.Format(debit)} ≠ crédit {Money.Format(credit)}.");
        }

        // An invoice books charges and VAT on the debit side and the supplier on the credit side; a credit note the mirror.
        var chargesOnDebit = !amounts.IsCreditNote;
        ExpectSide(entries, AccountKind.Supplier, amounts.Ttc, debitSide: !chargesOnDebit, "fournisseur (TTC)", problems);
        ExpectSide(entries, AccountKind.Vat, amounts.Tva, debitSide: chargesOnDebit, "TVA", problems);
        ExpectSide(entries, AccountKind.Charge, amounts.Ht, debitSide: chargesOnDebit, "charges (HT)", problems);
        return problems;
    }

    private static void ExpectSide(
        IReadOnlyList<AccountingEntry> entries, AccountKind kind, decimal expected, bool debitSide, string what, List<string> problems)
    {
        var lines = entries.Where(e => AccountNumber.IsValid(e.AccountNumber, e.AccountNumber.Length) && Kind(e.AccountNumber) == kind).ToList();
        var onSide = lines.Sum(e => debitSide ? e.Debit : e.Credit);
        var onOther = lines.Sum(e => debitSide ? e.Credit : e.Debit);
        var side = debitSide ? "débit" : "crédit";
        if (onOther != 0)
        {
            problems.Add($"Comptes {what} : {Money.Format(onOther)} du mauvais côté (attendu au {side}).");
        }
        if (onSide != expected)
        {
            problems.Add($"Comptes {what} : {Money.Format(onSide)} au {side} au lieu de {Money.Format(expected)}.");
        }
    }

    private enum AccountKind { Supplier, Vat, Charge, Other }

    private static AccountKind Kind(string account) => account switch
    {
        _ when account.StartsWith("40", StringComparison.Ordinal) => AccountKind.Supplier,
        _ when account.StartsWith("4456", StringComparison.Ordinal) => AccountKind.Vat,
        // Purchases are charges (class 6) or, for equipment, fixed assets (class 2).
        _ when account[0] is '6' or '2' => AccountKind.Charge,
        _ => AccountKind.Other,
    };
}
