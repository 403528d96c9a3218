using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting;

/// <summary>
/// The default analyzer, offline and deterministic: the expense account from the tenant's supplier override or
/// <see cref="ExpenseAccountTable"/>, deductible VAT one line per rate, the supplier for the total; journal ACH,
/// dated on the invoice date. A credit note books the mirror entry. When an e-invoice's lines map to different expense
/// accounts, each account gets its own line.
/// </summary>
public sealed class RulesInvoiceAnalyzer(IOptions<AccountingSettings> options) : IInvoiceAnalyzer
{
    private readonly AccountingSettings _settings = options.Value;

    public Task<AccountingProposal> AnalyzeAsync(InvoiceToAnalyze invoice, CancellationToken cancellationToken = default) =>
        Task.FromResult(Analyze(invoice));

    public AccountingProposal Analyze(InvoiceToAnalyze invoice)
    {
        var fields = invoice.Fields;
        var date = fields.InvoiceDate?.Value
            ?? throw new InvoiceNotAnalyzableException("Date de facture manquante : impossible de dater l'écriture.");
        var amounts = InvoiceAmounts.From(fields);
        if (amounts.Ttc == 0)
        {
            throw new InvoiceNotAnalyzableException("Facture de montant nul : rien à comptabiliser.");
        }
        var length = _settings.AccountNumberLength;
        var notes = new List<string>();

        var expenses = ExpenseLines(invoice, amounts, notes);
        var supplier = Pad(_settings.SupplierAccount);
        if (invoice.SupplierAccounts?.SupplierAccount is { } auxiliary)
        {
            if (AccountNumber.Normalize(auxiliary, length) is { } normalized && normalized.StartsWith("40", StringComparison.Ordinal))
            {
                supplier = normalized;
            }
            else
            {
                notes.Add($"Compte fournisseur configuré « {auxiliary} » invalide : compte {supplier} utilisé.");
            }
        }

        var journal = _settings.PurchaseJournal;
        var label = EntryLabel.For(fields);
        var charges = !amounts.IsCreditNote;
        var entries = new List<AccountingEntry>();
        void Book(string account, decimal amount, bool debit)
        {
            if (amount != 0)
            {
                entries.Add(new AccountingEntry(journal, date, account, label, debit ? amount : 0m, debit ? 0m : amount));
            }
        }

        foreach (var (account, amount) in expenses)
        {
            Book(account, amount, debit: charges);
        }
        var vatAccount = Pad(_settings.DeductibleVatAccount);
        foreach (var line in amounts.VatByRate)
        {
            Book(vatAccount, line.TaxAmount, debit: charges);
        }
        Book(supplier, amounts.Ttc, debit: !charges);

        return new AccountingProposal(entries, AnalyzerNames.Rules, notes.Count == 0 ? null : string.Join(" ", notes));
    }

    /// <summary>
    /// The expense side: one account for the whole HT, unless the invoice's lines name different accounts and neither
    /// the tenant's supplier account nor the supplier's name decides for the whole invoice. Document-level allowances
    /// and charges (HT minus the lines) go to the largest account.
    /// </summary>
    private List<(string Account, decimal Amount)> ExpenseLines(InvoiceToAnalyze invoice, InvoiceAmounts amounts, List<string> notes)
    {
        var lines = invoice.Lines ?? [];
        if (lines.Count < 2 || invoice.SupplierAccounts?.ExpenseAccount is not null
            || ExpenseAccountTable.Match(invoice.Fields.SupplierName?.Value, null) is not null)
        {
            return [(ExpenseAccount(invoice, notes), amounts.Ht)];
        }
        var lineNotes = new List<string>();
        string? fallback = null;
        string Fallback() => fallback ??= ExpenseAccount(invoice, lineNotes);
        var sign = amounts.IsCreditNote ? -1m : 1m;
        var byAccount = lines
            .GroupBy(l => ExpenseAccountTable.Match(null, l.Description) is { } rule ? Pad(rule.Account) : Fallback())
            .Select(g => (Account: g.Key, Amount: sign * g.Sum(l => l.NetAmount)))
            .OrderByDescending(g => g.Amount)
            .ToList();
        if (byAccount.Count == 1)
        {
            notes.AddRange(lineNotes);
            return [(byAccount[0].Account, amounts.Ht)];
        }
        var rest = amounts.Ht - byAccount.Sum(g => g.Amount);
        byAccount[0] = (byAccount[0].Account, byAccount[0].Amount + rest);
        if (byAccount.Any(g => g.Amount <= 0))
        {
            notes.Add("Lignes de signes mêlés : HT sur un seul compte de charge.");
            return [(ExpenseAccount(invoice, notes), amounts.Ht)];
        }
        notes.Add($"HT réparti sur {byAccount.Count} comptes de charge d'après les lignes de la facture.");
        return byAccount;
    }

    private string ExpenseAccount(InvoiceToAnalyze invoice, List<string> notes)
    {
        var length = _settings.AccountNumberLength;
        if (invoice.SupplierAccounts?.ExpenseAccount is { } configured)
        {
            if (AccountNumber.Normalize(configured, length) is { } normalized && normalized[0] is '6' or '2')
            {
                return normalized;
            }
            notes.Add($"Compte de charge configuré « {configured} » invalide : règles par défaut appliquées.");
        }
        var rule = ExpenseAccountTable.Match(invoice.Fields.SupplierName?.Value, invoice.OcrText);
        if (rule is not null)
        {
            return Pad(rule.Account);
        }
        notes.Add($"Aucun mot-clé reconnu : compte de charge par défaut {_settings.DefaultExpenseAccount}.");
        return Pad(_settings.DefaultExpenseAccount);
    }

    private string Pad(string account) =>
        AccountNumber.Normalize(account, _settings.AccountNumberLength)
        ?? throw new InvalidOperationException($"Account '{account}' does not fit the configured length.");
}
