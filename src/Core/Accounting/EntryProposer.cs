namespace Backend.Core.Accounting;

/// <summary>
/// Runs the configured analyzer and holds its proposal to <see cref="ProposalChecker"/>: nothing that breaks the
/// invariants is ever stored, whichever analyzer produced it.
/// </summary>
public sealed class EntryProposer(IInvoiceAnalyzer analyzer, Microsoft.Extensions.Options.IOptions<AccountingSettings> options, Telemetry.InvoicePipelineMetrics metrics)
{
    /// <exception cref="InvoiceNotAnalyzableException">The invoice cannot be booked, or the proposal breaks an invariant.</exception>
    public async Task<AccountingProposal> ProposeAsync(InvoiceToAnalyze invoice, CancellationToken cancellationToken = default)
    {
        var proposal = await analyzer.AnalyzeAsync(invoice, cancellationToken);
        var problems = ProposalChecker.Check(
            proposal.Entries, InvoiceAmounts.From(invoice.Fields), invoice.Fields.InvoiceDate!.Value, options.Value);
        if (problems.Count > 0)
        {
            throw new InvoiceNotAnalyzableException("Écritures proposées incohérentes : " + string.Join(" ", problems));
        }
        metrics.Proposed(analyzer is Claude.ClaudeInvoiceAnalyzer ? AnalyzerNames.Claude : AnalyzerNames.Rules, proposal.Analyzer);
        return proposal;
    }
}
