namespace Backend.Core.Accounting;

/// <summary>Proposes the purchase-journal entries for an invoice.</summary>
public interface IInvoiceAnalyzer
{
    /// <exception cref="InvoiceNotAnalyzableException">The invoice lacks what any entry needs (amounts, date), or its amounts contradict each other.</exception>
    Task<AccountingProposal> AnalyzeAsync(InvoiceToAnalyze invoice, CancellationToken cancellationToken = default);
}
