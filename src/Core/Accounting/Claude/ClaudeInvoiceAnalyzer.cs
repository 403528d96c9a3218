using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting.Claude;

/// <summary>
/// Asks Claude for the entry, then holds its answer to the same invariants as the rules. Whatever goes wrong —
/// Claude unreachable, malformed JSON, unbalanced or off-total lines — the rules' proposal is used instead and
/// the analysis notes say why, so an invoice never waits on Claude.
/// </summary>
public sealed class ClaudeInvoiceAnalyzer(
    IAnthropicClient client,
    IOptions<ClaudeSettings> claudeOptions,
    IOptions<AccountingSettings> accountingOptions,
    RulesInvoiceAnalyzer rules,
    ILogger<ClaudeInvoiceAnalyzer> logger) : IInvoiceAnalyzer
{
    private readonly ClaudeSettings _claude = claudeOptions.Value;
    private readonly AccountingSettings _accounting = accountingOptions.Value;

    public async Task<AccountingProposal> AnalyzeAsync(InvoiceToAnalyze invoice, CancellationToken cancellationToken = default)
    {
        // The rules run first: they reject an invoice that cannot be booked at all, and they are the fallback.
        var fallback = rules.Analyze(invoice);
        var date = invoice.Fields.InvoiceDate!.Value;
        var amounts = InvoiceAmounts.From(invoice.Fields);
        var label = EntryLabel.For(invoice.Fields);
        var supplierAccount = fallback.Entries.First(e => e.AccountNumber.StartsWith("40", StringComparison.Ordinal)).AccountNumber;
        if (invoice.SupplierAccounts?.ExpenseAccount is not null && fallback.Notes is null)
        {
            // The tenant chose this supplier's expense account: there is nothing left for Claude to decide.
            return fallback with { Notes = "Compte de charge paramétré pour ce fournisseur : écritures proposées par les règles." };
        }

        string text;
        try
        {
            var message = await client.Messages.Create(new MessageCreateParams
            {
                Model = _claude.Model,
                MaxTokens = _claude.MaxTokens,
                System = ClaudePrompt.System(_accounting),
                Messages = [new UserMessageParam(ClaudePrompt.User(invoice, amounts, label, supplierAccount))],
            }, cancellationToken);
            text = string.Concat(message.Content.Select(block => block.TryPickText(out var t) ? t.Text : ""));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Any failure of the call (network, 4xx/5xx after the SDK's retries, timeout, unexpected payload) is
            // Claude being unavailable for this invoice; the rules are always available.
            logger.LogWarning("Claude analysis failed ({ExceptionType}); using the rules", e.GetType().Name);
            return WithNote(fallback, "Claude indisponible");
        }

        var answer = ClaudeAnswer.Parse(text, out var parseError);
        if (answer is null)
        {
            logger.LogWarning("Claude answer rejected: {Reason}", parseError);
            return WithNote(fallback, $"Réponse de Claude illisible ({parseError})");
        }

        var entries = answer.Lines
            .Select(l => new AccountingEntry(
                _accounting.PurchaseJournal,
                date,
                AccountNumber.Normalize(l.AccountNumber, _accounting.AccountNumberLength) ?? l.AccountNumber,
                string.IsNullOrWhiteSpace(l.Label) ? label : l.Label.Trim(),
                l.Debit,
                l.Credit))
            .ToList();
        var problems = ProposalChecker.Check(entries, amounts, date, _accounting);
        if (problems.Count > 0)
        {
            logger.LogWarning("Claude answer rejected: {ProblemCount} invariant(s) broken", problems.Count);
            return WithNote(fallback, $"Réponse de Claude rejetée ({string.Join(" ", problems.Take(3))})");
        }
        return new AccountingProposal(entries, AnalyzerNames.Claude, string.IsNullOrWhiteSpace(answer.Notes) ? null : answer.Notes.Trim());
    }

    private static AccountingProposal WithNote(AccountingProposal fallback, string reason)
    {
        var note = $"{reason} : écritures proposées par les règles.";
        return fallback with { Notes = fallback.Notes is null ? note : $"{note} {fallback.Notes}" };
    }
}
