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

    /// <summary>TVA déductible sur immobilisations.</summary>
    public const string AssetVatAccount = "44562";

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
        // Equipment booked as a fixed asset carries VAT on fixed assets (44562), not on other goods and services.
        var vatAccount = expenses.All(e => e.Account[0] == '2') ? Pad(AssetVatAccount) : Pad(_settings.DeductibleVatAccount);
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
            .GroupBy(l => ExpenseAccountTable.Match(null, l.Description) is { } rule ? Pad(AccountFor(rule, l.NetAmount)) : Fallback())
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
        // Without a text (an e-invoice of one line booked by a caller that passes none), the lines are the wording.
        var text = invoice.OcrText ?? string.Join("\n", (invoice.Lines ?? []).Select(l => l.Description));
        var rule = ExpenseAccountTable.Match(invoice.Fields.SupplierName?.Value, text);
        if (rule is not null)
        {
            return Pad(AccountFor(rule, invoice.Fields.AmountHt?.Value ?? 0m));
        }
        notes.Add($"Aucun mot-clé reconnu : compte de charge par défaut {_settings.DefaultExpenseAccount}.");
        return Pad(_settings.DefaultExpenseAccount);
    }

    /// <summary>Equipment under the asset threshold is a charge: a 30 € cable is not a fixed asset.</summary>
    private static string AccountFor(ExpenseAccountTable.Rule rule, decimal amount) =>
        rule.Account[0] == '2' && Math.Abs(amount) < ExpenseAccountTable.AssetThreshold ? ExpenseAccountTable.SmallEquipmentAccount : rule.Account;

    private string Pad(string account) =>
        AccountNumber.Normalize(account, _settings.AccountNumberLength)
        ?? throw new InvalidOperationException($"Account '{account}' does not fit the configured length.");
}
