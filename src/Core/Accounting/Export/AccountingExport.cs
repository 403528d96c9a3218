using System.Globalization;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Storage;
using Backend.Core.Telemetry;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backend.Core.Accounting.Export;

/// <summary>
/// Exports a tenant's VALIDATED invoices dated in a period: writes the Sage and FEC files to the exports
/// container, records the batch, numbers the entries and moves the invoices to EXPORTED, all in one transaction
/// (the invoice rows are locked, so two exports of one period cannot both take an invoice). An invoice already
/// exported is no longer VALIDATED, so running the same export again exports nothing twice.
/// </summary>
public sealed class AccountingExport(
    NpgsqlDataSource dataSource,
    IBlobStore blobs,
    RulesInvoiceAnalyzer rules,
    IInvoiceFieldExtractor extractor,
    IOptions<AccountingSettings> accountingOptions,
    IOptions<ExportSettings> exportOptions,
    TimeProvider time,
    InvoicePipelineMetrics metrics,
    ILogger<AccountingExport> logger,
    Events.InvoiceEvents events)
{
    private static readonly TimeZoneInfo France = FindFrance();
    private readonly AccountingSettings _accounting = accountingOptions.Value;

    /// <summary>
    /// Exports every VALIDATED invoice not yet exported, whatever its date (the seed's bodiless call): the period is
    /// that of the dated invoices waiting, then the same rules as <see cref="RunAsync"/> apply. Nothing waiting is an
    /// empty batch of today (Paris), like an empty period.
    /// </summary>
    public async Task<ExportBatch> RunPendingAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        (DateTime? From, DateTime? To) period;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            period = await connection.QuerySingleAsync<(DateTime?, DateTime?)>(new CommandDefinition(
                "SELECT min(invoice_date), max(invoice_date) FROM invoices WHERE tenant_id = @tenantId AND status = ANY(@from)",
                new { tenantId, from = InvoiceStateMachine.Export.FromArray }, cancellationToken: cancellationToken));
        }
        var today = FrenchDate(time.GetUtcNow());
        return await RunAsync(tenantId,
            period.From is { } from ? DateOnly.FromDateTime(from) : today,
            period.To is { } to ? DateOnly.FromDateTime(to) : today, cancellationToken);
    }

    public async Task<ExportBatch> RunAsync(Guid tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var batchId = Guid.CreateVersion7();
        var transition = InvoiceStateMachine.Export;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = (await connection.QueryAsync<InvoiceRow>(new CommandDefinition("""
            SELECT id, tenant_id, status, validated_at, supplier_name, supplier_vat, invoice_number, invoice_date,
                   amount_ht, amount_tva, amount_ttc, tva_rate, currency, is_credit_note
              FROM invoices
             WHERE tenant_id = @tenantId AND status = ANY(@from) AND invoice_date BETWEEN @periodFrom AND @periodTo
             ORDER BY invoice_date, invoice_number, id
               FOR UPDATE
            """,
            new { tenantId, from = transition.FromArray, periodFrom = from, periodTo = to }, transaction, cancellationToken: cancellationToken))).ToList();
        var stored = await AccountingEntryStore.ListAsync(connection, transaction, tenantId, rows.Select(r => r.Id).ToList(), cancellationToken);

        var skipped = new List<string>();
        var toExport = new List<(InvoiceRow Row, IReadOnlyList<AccountingEntry> Entries)>();
        foreach (var row in rows)
        {
            var (entries, problem) = EntriesOf(row, stored.GetValueOrDefault(row.Id));
            if (entries is null)
            {
                skipped.Add($"Facture {row.InvoiceNumber ?? row.Id.ToString()} : {problem}");
                continue;
            }
            toExport.Add((row, entries));
        }

        var numbers = await NextEntryNumbersAsync(connection, transaction, tenantId, toExport.Count, cancellationToken);
        var invoices = toExport
            .Select((x, i) => new ExportInvoice(
                numbers[i],
                x.Row.InvoiceNumber ?? x.Row.Id.ToString("N")[..12],
                x.Row.InvoiceDate!.Value,
                FrenchDate(x.Row.ValidatedAt ?? time.GetUtcNow()),
                x.Row.Currency?.Trim() is { Length: 3 } currency ? currency : "EUR",
                x.Entries.Any(e => e.AccountNumber.StartsWith("40", StringComparison.Ordinal) && e.Debit != 0),
                x.Entries))
            .ToList();
        var sage = SageImportWriter.Write(invoices);
        var fec = FecWriter.Write(invoices, exportOptions.Value.Separator);

        var prefix = $"{tenantId:N}/{batchId:N}";
        var sageBlob = $"{prefix}/sage-{from:yyyyMMdd}-{to:yyyyMMdd}.txt";
        var fecBlob = $"{prefix}/FEC{to:yyyyMMdd}.txt";
        // Written before the commit: if the commit fails, the files are orphans nobody links to; the invoices stay VALIDATED.
        await PutAsync(sageBlob, sage.Content, cancellationToken);
        await PutAsync(fecBlob, fec.Content, cancellationToken);

        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO export_batches (id, tenant_id, period_from, period_to, invoice_count, line_count, sage_blob, fec_blob, created_at)
            VALUES (@batchId, @tenantId, @from, @to, @count, @lines, @sageBlob, @fecBlob, @now)
            """,
            new { batchId, tenantId, from, to, count = invoices.Count, lines = sage.Lines, sageBlob, fecBlob, now },
            transaction, cancellationToken: cancellationToken));
        if (invoices.Count > 0)
        {
            var ids = toExport.Select(x => x.Row.Id).ToArray();
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO export_batch_invoices (invoice_id, batch_id, entry_number)
                SELECT * FROM unnest(@ids, @batches, @numbers)
                """,
                new { ids, batches = ids.Select(_ => batchId).ToArray(), numbers = numbers.ToArray() }, transaction, cancellationToken: cancellationToken));
            var moved = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE invoices SET status = @to, updated_at = @now WHERE id = ANY(@ids) AND tenant_id = @tenantId AND status = ANY(@from)
                """,
                new { ids, tenantId, to = transition.To, from = transition.FromArray, now }, transaction, cancellationToken: cancellationToken));
            if (moved != ids.Length)
            {
                throw new InvalidOperationException("Locked invoices changed status during the export.");
            }
        }
        await events.RecordExportAsync(transaction, tenantId, batchId, invoices.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Export {BatchId}: {Count} invoices, {Lines} lines, {Skipped} skipped", batchId, invoices.Count, sage.Lines, skipped.Count);
        metrics.Exported(invoices.Count);
        return new ExportBatch(batchId, from, to, invoices.Count, sage.Lines, sageBlob, fecBlob, skipped,
            sage.Warnings.Concat(fec.Warnings).ToList());
    }

    // Stored entries were checked when written; they are checked again against the amounts as validated, and an
    // invoice validated without entries (never analysed) is booked by the rules now.
    private (IReadOnlyList<AccountingEntry>? Entries, string? Problem) EntriesOf(InvoiceRow row, IReadOnlyList<AccountingEntry>? stored)
    {
        try
        {
            var fields = InvoiceFieldsFromRow.Build(row, null, extractor);
            var entries = stored is { Count: > 0 } ? stored : rules.Analyze(new InvoiceToAnalyze(fields)).Entries;
            var problems = ProposalChecker.Check(entries, InvoiceAmounts.From(fields), row.InvoiceDate!.Value, _accounting);
            return problems.Count == 0 ? (entries, null) : (null, "écritures incohérentes (" + string.Join(" ", problems.Take(2)) + ")");
        }
        catch (InvoiceNotAnalyzableException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<List<string>> NextEntryNumbersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }
        var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO accounting_sequences (tenant_id, last_entry_number) VALUES (@tenantId, @count)
            ON CONFLICT (tenant_id) DO UPDATE SET last_entry_number = accounting_sequences.last_entry_number + @count
            RETURNING last_entry_number
            """, new { tenantId, count }, transaction, cancellationToken: cancellationToken));
        return Enumerable.Range(0, count)
            .Select(i => _accounting.PurchaseJournal + (last - count + 1 + i).ToString("D6", CultureInfo.InvariantCulture))
            .ToList();
    }

    private async Task PutAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await blobs.PutAsync(ContainerNames.Exports, name, stream, cancellationToken);
    }

    // Accounting dates are French calendar dates: a validation at 23:30 UTC in winter is the next day in Paris.
    private static DateOnly FrenchDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, France).DateTime);

    private static TimeZoneInfo FindFrance()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
