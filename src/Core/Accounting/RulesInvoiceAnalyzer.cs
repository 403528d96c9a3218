using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting;

/// <summary>
/// The default analyzer, offline and deterministic: the expense account from the tenant's supplier override or
/// <see cref="ExpenseAccountTable"/>, deductible VAT one line per rate, the supplier for the total; journal ACH,
/// dated on the invoice date. A credit note books the mirror entry.
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

        var expense = ExpenseAccount(invoice, notes);
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

        Book(expense, amounts.Ht, debit: charges);
        var vatAccount = Pad(_settings.DeductibleVatAccount);
        foreach (var line in amounts.VatByRate)
        {
            Book(vatAccount, line.TaxAmount, debit: charges);
        }
        Book(supplier, amounts.Ttc, debit: !charges);

        return new AccountingProposal(entries, AnalyzerNames.Rules, notes.Count == 0 ? null : string.Join(" ", notes));
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
