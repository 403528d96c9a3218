using Backend.Core.Invoices;
using Dapper;
using Npgsql;

namespace Backend.Core.Accounting.Analysis;

/// <summary>
/// The AI-analysis side of <c>invoices</c> and <c>invoice_analyses</c>. Status changes go through
/// <see cref="InvoiceStateMachine"/> under a row lock, so two deliveries of one message cannot both claim.
/// </summary>
public sealed class InvoiceAnalysisStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private sealed class ClaimState
    {
        public string Status { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public int? Attempts { get; init; }
        public Guid? RetryToken { get; init; }
        public bool HasAnalysis { get; init; }
    }

    /// <summary>
    /// OCR_COMPLETED → AI_PROCESSING for the job OCR sent; AI_FAILED → AI_PROCESSING for the retry holding the
    /// current token; or takes back an invoice left in AI_PROCESSING since before <paramref name="stuckBefore"/> by a
    /// crashed worker, when the redelivered job is the one that held it.
    /// </summary>
    /// <returns>
    /// The claim, or null when this job has nothing to do (duplicate, stale, already analysed); <c>Busy</c> when the
    /// invoice is in AI_PROCESSING under this job's token and not yet stuck (a redelivery while the first delivery runs,
    /// or after it died).
    /// </returns>
    public async Task<(AnalysisClaim? Claim, bool Busy)> ClaimAsync(AnalysisJob job, DateTimeOffset stuckBefore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await LockAsync(connection, transaction, job.InvoiceId, job.TenantId, cancellationToken))
        {
            return (null, false);
        }
        var state = await connection.QuerySingleAsync<ClaimState>(new CommandDefinition("""
            SELECT i.status AS Status, i.updated_at AS UpdatedAt, a.attempts AS Attempts, a.retry_token AS RetryToken,
                   a.invoice_id IS NOT NULL AS HasAnalysis
              FROM invoices i LEFT JOIN invoice_analyses a ON a.invoice_id = i.id
             WHERE i.id = @InvoiceId
            """, job, transaction, cancellationToken: cancellationToken));

        int attempt;
        if (job.RetryToken is null && state.Status == InvoiceStatus.OcrCompleted)
        {
            attempt = 1;
        }
        else if (job.RetryToken is { } token && state.Status == InvoiceStatus.AiFailed && state.RetryToken == token)
        {
            attempt = (state.Attempts ?? 0) + 1;
        }
        else if (state.Status == InvoiceStatus.AiProcessing && state.UpdatedAt < stuckBefore && state.HasAnalysis && state.RetryToken == job.RetryToken)
        {
            // The worker that held it died: the interrupted attempt counts, the status stays AI_PROCESSING.
            attempt = (state.Attempts ?? 0) + 1;
        }
        else
        {
            var busy = state.Status == InvoiceStatus.AiProcessing && state.HasAnalysis && state.RetryToken == job.RetryToken;
            return (null, busy);
        }
        var transition = InvoiceStateMachine.AiStarted;
        if (state.Status != InvoiceStatus.AiProcessing)
        {
            InvoiceStateMachine.EnsureAllowed(transition, state.Status);
        }

        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invoices SET status = @to, updated_at = @now WHERE id = @InvoiceId",
            new { job.InvoiceId, to = transition.To, now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO invoice_analyses (invoice_id, tenant_id, attempts, retry_token, started_at)
            VALUES (@InvoiceId, @TenantId, @attempt, @RetryToken, @now)
            ON CONFLICT (invoice_id) DO UPDATE
               SET attempts = excluded.attempts, retry_token = excluded.retry_token, started_at = excluded.started_at
            """,
            new { job.InvoiceId, job.TenantId, attempt, job.RetryToken, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (new AnalysisClaim(job.InvoiceId, job.TenantId, attempt, job.RetryToken), false);
    }

    /// <summary>Stores the entries and the notes and moves to AI_COMPLETED, in one transaction.</summary>
    /// <returns>false when the claim was lost meanwhile (the user retried OCR, another delivery took the invoice back).</returns>
    public async Task<bool> CompleteAsync(AnalysisClaim claim, AccountingProposal proposal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var transition = InvoiceStateMachine.AiSucceeded;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await HoldsClaimAsync(connection, transaction, claim, cancellationToken))
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices SET status = @to, error_message = NULL, updated_at = @now
             WHERE id = @InvoiceId AND status = ANY(@from)
            """,
            new { claim.InvoiceId, to = transition.To, from = transition.FromArray, now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoice_analyses
               SET analyzer = @Analyzer, notes = @Notes, analyzed_at = @now, retry_token = NULL, edited_at = NULL
             WHERE invoice_id = @InvoiceId
            """,
            new { claim.InvoiceId, proposal.Analyzer, Notes = Clip(proposal.Notes, 2000), now }, transaction, cancellationToken: cancellationToken));
        await AccountingEntryStore.ReplaceAsync(connection, transaction, claim.TenantId, claim.InvoiceId, proposal.Entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Records a failed attempt: AI_FAILED with a readable message. When <paramref name="retry"/> is given it is
    /// enqueued before the commit and its token recorded, so exactly that message may claim the invoice again
    /// (if the commit fails, the message finds a token that is not its own and does nothing).
    /// </summary>
    public async Task<bool> FailAsync(
        AnalysisClaim claim, string message, AnalysisJob? retry, Func<AnalysisJob, Task> enqueueRetry, CancellationToken cancellationToken)
    {
        var transition = InvoiceStateMachine.AiFailedTransition;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await HoldsClaimAsync(connection, transaction, claim, cancellationToken))
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices SET status = @to, error_message = @message, updated_at = @now
             WHERE id = @InvoiceId AND status = ANY(@from)
            """,
            new { claim.InvoiceId, to = transition.To, from = transition.FromArray, message = Clip(message, 1000), now = time.GetUtcNow() },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invoice_analyses SET retry_token = @token WHERE invoice_id = @InvoiceId",
            new { claim.InvoiceId, token = retry?.RetryToken }, transaction, cancellationToken: cancellationToken));
        if (retry is not null)
        {
            await enqueueRetry(retry);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<InvoiceAnalysisView?> ReadAsync(Guid tenantId, Guid invoiceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvoiceAnalysisView>(new CommandDefinition("""
            SELECT analyzer AS Analyzer, notes AS Notes, attempts AS Attempts, analyzed_at AS AnalyzedAt, edited_at AS EditedAt
              FROM invoice_analyses WHERE invoice_id = @invoiceId AND tenant_id = @tenantId
            """, new { invoiceId, tenantId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Locks the invoice row, waiting for any transaction that holds it. Reads that follow in the transaction are new
    /// statements, so they see what that transaction committed — a locking join would re-check the invoice row after the
    /// wait but keep the stale <c>invoice_analyses</c> row it read before.
    /// </summary>
    private static async Task<bool> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid invoiceId, Guid tenantId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM invoices WHERE id = @invoiceId AND tenant_id = @tenantId FOR UPDATE",
            new { invoiceId, tenantId }, transaction, cancellationToken: cancellationToken)) is not null;

    // The claim is still ours if the invoice is in AI_PROCESSING with our attempt number and token.
    private static async Task<bool> HoldsClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AnalysisClaim claim, CancellationToken cancellationToken) =>
        await LockAsync(connection, transaction, claim.InvoiceId, claim.TenantId, cancellationToken)
        && await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("""
            SELECT 1 FROM invoices i JOIN invoice_analyses a ON a.invoice_id = i.id
             WHERE i.id = @InvoiceId AND i.status = @processing AND a.attempts = @Attempt
               AND a.retry_token IS NOT DISTINCT FROM @Token
            """,
            new { claim.InvoiceId, claim.Attempt, claim.Token, processing = InvoiceStatus.AiProcessing }, transaction, cancellationToken: cancellationToken)) is not null;

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
