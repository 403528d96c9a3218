using Backend.Core.Http;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Jobs;
using Backend.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Core.Accounting.Analysis;

/// <summary>
/// One AI-analysis attempt, shared by the Service Bus trigger and SelfHost's queue worker: claim the invoice
/// (OCR_COMPLETED → AI_PROCESSING), read its fields and OCR text, propose and check the entries, store them with
/// AI_COMPLETED. An invoice that cannot be booked fails at once (AI_FAILED with the reason); any other failure
/// climbs the same three-attempt ladder as OCR, with the same backoff. A duplicate delivery finds nothing to claim.
/// </summary>
public sealed class AiAnalysisAttempt(
    InvoiceAnalysisStore analyses,
    InvoiceStore invoices,
    SupplierAccountStore suppliers,
    EntryProposer proposer,
    IInvoiceFieldExtractor extractor,
    FieldCipher cipher,
    IJobQueue queue,
    IOptions<InvoicePipelineSettings> pipelineOptions,
    TimeProvider time,
    ILogger<AiAnalysisAttempt> logger)
{
    private readonly InvoicePipelineSettings _pipeline = pipelineOptions.Value;

    public async Task<AnalysisAttemptStatus> RunAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var stuckBefore = time.GetUtcNow() - TimeSpan.FromSeconds(_pipeline.StuckAfterSeconds);
        var (claim, busy) = await analyses.ClaimAsync(job, stuckBefore, cancellationToken);
        if (busy)
        {
            // Another delivery of this job holds the invoice. If it finishes, this copy will find nothing to do; if it
            // died (crash, database lost mid-attempt), this copy arrives once the claim counts as stuck and takes it back.
            await queue.EnqueueAsync(QueueNames.AiAnalysis, (job with { Deferral = Guid.NewGuid() }).ToJson(), TimeSpan.FromSeconds(_pipeline.StuckAfterSeconds + 30), cancellationToken);
            return AnalysisAttemptStatus.Busy;
        }
        if (claim is null)
        {
            return AnalysisAttemptStatus.NothingToClaim;
        }
        if (claim.Attempt > OcrRetryPolicy.MaxAttempts)
        {
            await analyses.FailAsync(claim, "Analyse comptable interrompue à répétition ; relancez l'OCR ou validez à la main.", null, _ => Task.CompletedTask, cancellationToken);
            return AnalysisAttemptStatus.Failed;
        }

        try
        {
            var row = await invoices.GetAsync(claim.TenantId, claim.InvoiceId, cancellationToken)
                ?? throw new InvalidOperationException("Claimed invoice disappeared.");
            var text = DecryptText(row);
            var detail = await invoices.GetDetailLinesAsync(claim.InvoiceId, cancellationToken);
            var fields = InvoiceFieldsFromRow.Build(row, text, extractor, detail);
            var accounts = await suppliers.FindAsync(claim.TenantId, row.SupplierName, cancellationToken);
            var lines = detail.Items.Select(i => new BookableLine(i.Description, i.NetAmount)).ToList();
            var proposal = await proposer.ProposeAsync(new InvoiceToAnalyze(fields, text, accounts, lines), cancellationToken);
            if (!await analyses.CompleteAsync(claim, proposal, cancellationToken))
            {
                logger.LogWarning("Invoice {InvoiceId} was taken back while its analysis ran; result discarded", claim.InvoiceId);
                return AnalysisAttemptStatus.ClaimLost;
            }
            logger.LogInformation("Invoice {InvoiceId} analysed by {Analyzer}: {Lines} entry lines", claim.InvoiceId, proposal.Analyzer, proposal.Entries.Count);
            return AnalysisAttemptStatus.Completed;
        }
        catch (InvoiceNotAnalyzableException e)
        {
            await analyses.FailAsync(claim, e.Message, null, _ => Task.CompletedTask, cancellationToken);
            return AnalysisAttemptStatus.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException && !UnhandledExceptionResult.IsTransientDependencyFailure(e))
        {
            // A bug or an unexpected answer: counted as an attempt, retried after a backoff, given up after the third.
            logger.LogError(e, "Analysis of invoice {InvoiceId} failed (attempt {Attempt})", claim.InvoiceId, claim.Attempt);
            if (OcrRetryPolicy.IsFinal(claim.Attempt, permanent: false))
            {
                await analyses.FailAsync(claim, $"Analyse comptable impossible après {claim.Attempt} tentatives.", null, _ => Task.CompletedTask, cancellationToken);
                return AnalysisAttemptStatus.Failed;
            }
            var retry = job with { RetryToken = Guid.NewGuid(), Deferral = null };
            var delay = OcrRetryPolicy.DelayAfter(claim.Attempt, TimeSpan.FromSeconds(_pipeline.RetryBaseDelaySeconds));
            await analyses.FailAsync(claim,
                $"Analyse comptable : tentative {claim.Attempt}/{OcrRetryPolicy.MaxAttempts} échouée, nouvel essai dans {(int)delay.TotalSeconds} s.",
                retry, r => queue.EnqueueAsync(QueueNames.AiAnalysis, r.ToJson(), delay, cancellationToken), cancellationToken);
            return AnalysisAttemptStatus.RetryScheduled;
        }
        // Cancellation and a database that is down escape: the message is redelivered and, once the claim is
        // older than the stuck deadline, the same job takes the invoice back.
    }

    private string? DecryptText(InvoiceRow row)
    {
        if (row.OcrText is not { } encrypted)
        {
            return null;
        }
        try
        {
            return cipher.Decrypt(encrypted, OcrAttempt.TextContext(row.Id));
        }
        catch (FieldDecryptionException)
        {
            // The fields alone are enough to book; the text only refines the expense account.
            logger.LogWarning("OCR text of invoice {InvoiceId} cannot be decrypted; analysing the fields only", row.Id);
            return null;
        }
    }
}
