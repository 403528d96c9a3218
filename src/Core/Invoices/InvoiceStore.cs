using Backend.Core.Events;
using Dapper;
using Npgsql;

namespace Backend.Core.Invoices;

/// <summary>
/// Data access for <c>invoices</c>. Every status change names an <see cref="InvoiceTransition"/> and is an
/// <c>UPDATE ... WHERE status = ANY(@From)</c>, so the state machine is enforced by the same statement that moves the row.
/// Every query a tenant can reach filters by tenant.
/// </summary>
public sealed class InvoiceStore(NpgsqlDataSource dataSource, TimeProvider time, InvoiceEvents? events = null)
{
    private const string Columns = """
        id, tenant_id, file_name, blob_name, media_type, file_size, source, status, uploaded_at, updated_at,
        processed_at, validated_at, ocr_token, ocr_engine, ocr_confidence, ocr_text, retry_count, last_retry_at,
        error_message, supplier_name, supplier_vat, supplier_siren, supplier_siret, supplier_address, invoice_number,
        invoice_date, due_date, amount_ht, amount_tva, amount_ttc, tva_rate, currency, is_credit_note, field_confidences::text,
        document_type, payment_terms, iban, einvoice_notes
        """;

    public async Task InsertAsync(NewInvoice invoice, CancellationToken cancellationToken, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        var sql = """
            INSERT INTO invoices (id, tenant_id, file_name, blob_name, media_type, file_size, source, status,
                                  uploaded_at, updated_at, ocr_token, ocr_queued_at)
            VALUES (@Id, @TenantId, @FileName, @BlobName, @MediaType, @FileSize, @Source, @status, @now, @now, @OcrToken, @now)
            """;
        var parameters = new DynamicParameters(invoice);
        parameters.Add("status", InvoiceStatus.Uploaded);
        parameters.Add("now", time.GetUtcNow());
        if (connection is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            return;
        }
        await using var own = await dataSource.OpenConnectionAsync(cancellationToken);
        await own.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Whether any tenant has this invoice: tells a job for an unknown invoice (poison) from a duplicate one.</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE id = @id)", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<InvoiceRow?> GetAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvoiceRow>(new CommandDefinition(
            $"SELECT {Columns}, field_positions::text FROM invoices WHERE id = @id AND tenant_id = @tenantId",
            new { id, tenantId }, cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<InvoiceRow> Items, long Total)> ListAsync(Guid tenantId, InvoiceListFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var conditions = new List<string> { "tenant_id = @tenantId" };
        var parameters = new DynamicParameters(new { tenantId, limit = pageSize, offset = (page - 1) * pageSize });
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            conditions.Add("status = ANY(@statuses)");
            parameters.Add("statuses", statuses.ToArray());
        }
        if (filter.Supplier is { } supplier)
        {
            conditions.Add("supplier_name ILIKE @supplier ESCAPE '\\'");
            parameters.Add("supplier", Contains(supplier));
        }
        if (filter.Number is { } number)
        {
            conditions.Add("invoice_number ILIKE @number ESCAPE '\\'");
            parameters.Add("number", Contains(number));
        }
        if (filter.From is { } from)
        {
            conditions.Add("invoice_date >= @from");
            parameters.Add("from", from);
        }
        if (filter.To is { } to)
        {
            conditions.Add("invoice_date <= @to");
            parameters.Add("to", to);
        }
        if (filter.MinAmount is { } min)
        {
            conditions.Add("amount_ttc >= @min");
            parameters.Add("min", min);
        }
        if (filter.MaxAmount is { } max)
        {
            conditions.Add("amount_ttc <= @max");
            parameters.Add("max", max);
        }
        var where = string.Join(" AND ", conditions);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM invoices WHERE {where}", parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<InvoiceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invoices WHERE {where} ORDER BY uploaded_at DESC, id LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: cancellationToken));
        return (items.ToList(), total);
    }

    /// <summary>How many of the tenant's invoices stand in each status; every status is present, zero included.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, count(*) FROM invoices WHERE tenant_id = @tenantId GROUP BY status", new { tenantId }, cancellationToken: cancellationToken));
        var counts = InvoiceStatus.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        foreach (var (status, count) in rows)
        {
            counts[status] = count;
        }
        return counts;
    }

    /// <summary>The status of each of <paramref name="ids"/> that is the tenant's (others are absent).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Status, DateTimeOffset UpdatedAt, string? ErrorMessage)>> StatesAsync(Guid tenantId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid, string, DateTimeOffset, string?)>(new CommandDefinition(
            "SELECT id, status, updated_at, error_message FROM invoices WHERE tenant_id = @tenantId AND id = ANY(@ids) ORDER BY uploaded_at DESC, id",
            new { tenantId, ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    // A LIKE pattern matching the text anywhere, its own % _ and \ taken literally.
    private static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>UPLOADED → OCR_PROCESSING for the job holding the current token; null when there is nothing to claim.</summary>
    public async Task<ClaimedInvoice?> ClaimAsync(OcrJob job, CancellationToken cancellationToken)
    {
        var transition = InvoiceStateMachine.Claim;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ClaimedInvoice>(new CommandDefinition("""
            UPDATE invoices
               SET status = @to, ocr_started_at = @now, updated_at = @now
             WHERE id = @InvoiceId AND ocr_token = @Token AND status = ANY(@from)
            RETURNING id, tenant_id, blob_name, media_type, retry_count, ocr_token
            """,
            new { job.InvoiceId, job.Token, to = transition.To, from = transition.FromArray, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Stores a successful attempt's results and moves to OCR_COMPLETED or PENDING_VALIDATION.</summary>
    /// <returns>false when the claim was lost meanwhile (the sweeper took the invoice back).</returns>
    public async Task<bool> StoreOcrResultAsync(ClaimedInvoice claim, OcrOutcome outcome, CancellationToken cancellationToken)
    {
        var f = outcome.Fields;
        var e = outcome.Structured;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices
               SET status = @to, processed_at = @now, updated_at = @now,
                   ocr_engine = @Engine, ocr_confidence = @confidence, ocr_text = @EncryptedText, ocr_raw_data = @EncryptedRaw,
                   error_message = @Message,
                   supplier_name = @supplierName, supplier_vat = @supplierVat, supplier_siren = @supplierSiren,
                   supplier_siret = @supplierSiret, supplier_address = @supplierAddress, invoice_number = @invoiceNumber,
                   invoice_date = @invoiceDate, due_date = @dueDate, amount_ht = @amountHt, amount_tva = @amountTva,
                   amount_ttc = @amountTtc, tva_rate = @tvaRate, currency = @currency, is_credit_note = @isCreditNote,
                   field_confidences = @FieldConfidencesJson::jsonb,
                   document_type = @documentType, payment_terms = @paymentTerms, iban = @iban, einvoice_notes = @EInvoiceNotes,
                   field_positions = @FieldPositionsJson::jsonb
             WHERE id = @id AND ocr_token = @token AND status = ANY(@from)
            """,
            new
            {
                id = claim.Id, token = claim.OcrToken, to = outcome.Transition.To, from = outcome.Transition.FromArray, now = time.GetUtcNow(),
                outcome.Engine, confidence = (decimal)Math.Round(Math.Clamp(outcome.Confidence, 0, 1), 4), outcome.EncryptedText, outcome.EncryptedRaw,
                outcome.Message, outcome.FieldConfidencesJson, outcome.FieldPositionsJson,
                supplierName = Clip(f.SupplierName?.Value, 500), supplierVat = Clip(f.SupplierVat?.Value, 50),
                supplierSiren = Clip(f.SupplierSiren?.Value, 20), supplierSiret = Clip(f.SupplierSiret?.Value, 20),
                supplierAddress = Clip(f.SupplierAddress?.Value, 1000), invoiceNumber = Clip(f.InvoiceNumber?.Value, 100),
                invoiceDate = f.InvoiceDate?.Value, dueDate = f.DueDate?.Value,
                amountHt = Money(f.AmountHt?.Value), amountTva = Money(f.AmountTva?.Value), amountTtc = Money(f.AmountTtc?.Value),
                tvaRate = Rate(f.VatRate?.Value), currency = NormaliseCurrency(f.Currency?.Value), isCreditNote = f.IsCreditNote,
                documentType = e?.DocumentType is { Length: >= 1 and <= 3 } type && type.All(char.IsAsciiDigit) ? type : null,
                paymentTerms = Clip(e?.PaymentTerms, 1000), iban = Clip(e?.Iban?.Replace(" ", ""), 50),
                EInvoiceNotes = Clip(outcome.EInvoiceNotes, 2000),
            },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await ReplaceDetailLinesAsync(connection, transaction, claim.Id, outcome, cancellationToken);
        await RecordEventAsync(transaction, outcome.Transition.To == InvoiceStatus.OcrCompleted ? EventTypes.InvoiceOcrCompleted : EventTypes.InvoiceNeedsReview,
            claim.Id, claim.OcrToken.ToString("N"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The VAT breakdown (exact from an e-invoice, as OCR read it otherwise) and an e-invoice's lines, so the accounting
    /// analysis books them without reading the text again.
    /// </summary>
    private static async Task ReplaceDetailLinesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, OcrOutcome outcome, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM invoice_vat_lines WHERE invoice_id = @id; DELETE FROM invoice_line_items WHERE invoice_id = @id",
            new { id }, transaction, cancellationToken: cancellationToken));
        var vat = outcome.Structured is { } structured
            ? structured.VatBreakdown.Select(v => (Category: v.CategoryCode, v.Rate, v.BaseAmount, v.TaxAmount))
            : outcome.Fields.VatBreakdown.Select(v => (Category: "S", Rate: (decimal?)v.Rate, v.BaseAmount, v.TaxAmount));
        var vatRows = vat.Where(v => Money(v.BaseAmount) is not null && Money(v.TaxAmount) is not null).ToList();
        var items = (outcome.Structured?.Lines ?? []).Where(l => Money(l.NetAmount) is not null).ToList();
        if (vatRows.Count == 0 && items.Count == 0)
        {
            return;
        }
        // One round trip for all rows: an e-invoice may carry hundreds of lines.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO invoice_vat_lines (invoice_id, line_no, category_code, rate, base_amount, tax_amount)
            SELECT @id, n, c, r, b, t FROM unnest(@vatCategory, @vatRate, @vatBase, @vatTax) WITH ORDINALITY AS v(c, r, b, t, n);
            INSERT INTO invoice_line_items (invoice_id, line_no, description, quantity, unit_code, unit_price, net_amount, vat_rate, vat_category)
            SELECT @id, n, d, q, u, p, a, r, c FROM unnest(@description, @quantity, @unitCode, @unitPrice, @netAmount, @itemRate, @itemCategory)
                   WITH ORDINALITY AS i(d, q, u, p, a, r, c, n);
            """,
            new
            {
                id,
                vatCategory = vatRows.Select(v => Clip(v.Category.Trim(), 3) is { Length: > 0 } c ? c : "S").ToArray(),
                vatRate = vatRows.Select(v => Rate(v.Rate)).ToArray(),
                vatBase = vatRows.Select(v => Money(v.BaseAmount)).ToArray(),
                vatTax = vatRows.Select(v => Money(v.TaxAmount)).ToArray(),
                description = items.Select(l => Clip(l.Description, 1000)).ToArray(),
                quantity = items.Select(l => Quantity(l.Quantity)).ToArray(),
                unitCode = items.Select(l => Clip(l.UnitCode, 10)).ToArray(),
                unitPrice = items.Select(l => Quantity(l.UnitPrice)).ToArray(),
                netAmount = items.Select(l => Money(l.NetAmount)).ToArray(),
                itemRate = items.Select(l => Rate(l.VatRate)).ToArray(),
                itemCategory = items.Select(l => Clip(l.VatCategory, 3)).ToArray(),
            },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The stored VAT breakdown and lines of an invoice (empty for rows stored before they were kept).</summary>
    public async Task<InvoiceDetailLines> GetDetailLinesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var vat = await connection.QueryAsync<StoredVatLine>(new CommandDefinition(
            "SELECT category_code, rate, base_amount, tax_amount FROM invoice_vat_lines WHERE invoice_id = @id ORDER BY line_no",
            new { id }, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<StoredLineItem>(new CommandDefinition("""
            SELECT description, quantity, unit_code, unit_price, net_amount, vat_rate, vat_category
              FROM invoice_line_items WHERE invoice_id = @id ORDER BY line_no
            """, new { id }, cancellationToken: cancellationToken));
        return new InvoiceDetailLines(vat.ToList(), items.ToList());
    }

    /// <summary>
    /// Records a failed attempt: retry_count+1, last_retry_at, error_message; back to UPLOADED under
    /// <paramref name="nextToken"/> (due after <paramref name="delay"/>) or OCR_FAILED. The retry_count guard makes
    /// a replay of the same failure a no-op.
    /// </summary>
    public async Task<bool> RecordFailureAsync(ClaimedInvoice claim, InvoiceTransition transition, string errorMessage, Guid nextToken, TimeSpan delay, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices
               SET status = @to, retry_count = retry_count + 1, last_retry_at = @now, updated_at = @now,
                   error_message = @errorMessage, ocr_token = @nextToken, ocr_queued_at = @dueAt, ocr_started_at = NULL
             WHERE id = @id AND ocr_token = @token AND retry_count = @RetryCount AND status = ANY(@from)
            """,
            new { id = claim.Id, token = claim.OcrToken, claim.RetryCount, to = transition.To, from = transition.FromArray, now, dueAt = now + delay, errorMessage = Clip(errorMessage, 1000), nextToken },
            transaction, cancellationToken: cancellationToken));
        if (updated == 1 && transition.To == InvoiceStatus.OcrFailed)
        {
            await RecordEventAsync(transaction, EventTypes.InvoiceOcrFailed, claim.Id, claim.OcrToken.ToString("N"), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    /// <summary>Gives a claim back untouched (the worker is shutting down); the redelivered job can claim again.</summary>
    public async Task ReleaseClaimAsync(ClaimedInvoice claim, CancellationToken cancellationToken)
    {
        var transition = InvoiceStateMachine.OcrRetryLater;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices SET status = @to, ocr_started_at = NULL, updated_at = @now
             WHERE id = @id AND ocr_token = @token AND status = ANY(@from)
            """,
            new { id = claim.Id, token = claim.OcrToken, to = transition.To, from = transition.FromArray, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>The user's retry: back to UPLOADED with a fresh token and a fresh set of attempts.</summary>
    /// <returns>The status found when the retry was refused, or null when it was applied.</returns>
    public async Task<(bool Found, string? RefusedStatus)> ManualRetryAsync(Guid tenantId, Guid id, Guid nextToken, CancellationToken cancellationToken)
    {
        var transition = InvoiceStateMachine.ManualRetry;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices
               SET status = @to, retry_count = 0, error_message = NULL, ocr_token = @nextToken, ocr_queued_at = @now,
                   ocr_started_at = NULL, updated_at = @now
             WHERE id = @id AND tenant_id = @tenantId AND status = ANY(@from)
            """,
            new { id, tenantId, nextToken, now, to = transition.To, from = transition.FromArray }, cancellationToken: cancellationToken));
        if (updated == 1)
        {
            return (true, null);
        }
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM invoices WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId }, cancellationToken: cancellationToken));
        return (status is not null, status);
    }

    /// <summary>Applies the user's corrections and moves to VALIDATED in one statement.</summary>
    public async Task<(bool Found, string? RefusedStatus)> ValidateAsync(Guid tenantId, Guid id, InvoiceCorrections corrections, CancellationToken cancellationToken)
    {
        var transition = InvoiceStateMachine.Validate;
        var now = time.GetUtcNow();
        var sets = new List<string> { "status = @to", "validated_at = @now", "updated_at = @now", "error_message = NULL" };
        var parameters = new DynamicParameters(new { id, tenantId, now, to = transition.To, from = transition.FromArray });
        foreach (var (column, value) in corrections.Columns)
        {
            sets.Add($"{column} = @{column}");
            parameters.Add(column, value);
        }
        if (corrections.Columns.Count > 0)
        {
            sets.Add("field_confidences = field_confidences || @corrected::jsonb");
            parameters.Add("corrected", corrections.ConfidenceJson);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE invoices SET {string.Join(", ", sets)} WHERE id = @id AND tenant_id = @tenantId AND status = ANY(@from)",
                parameters, transaction, cancellationToken: cancellationToken));
            if (updated == 1)
            {
                await RecordEventAsync(transaction, EventTypes.InvoiceValidated, id, now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (true, null);
            }
        }
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM invoices WHERE id = @id AND tenant_id = @tenantId", new { id, tenantId }, cancellationToken: cancellationToken));
        return (status is not null, status);
    }

    /// <summary>Invoices in OCR_PROCESSING since before <paramref name="startedBefore"/>: their worker died or hangs.</summary>
    public async Task<IReadOnlyList<ClaimedInvoice>> FindStuckAsync(DateTimeOffset startedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ClaimedInvoice>(new CommandDefinition("""
            SELECT id, tenant_id, blob_name, media_type, retry_count, ocr_token FROM invoices
             WHERE status = @status AND ocr_started_at < @startedBefore
             ORDER BY ocr_started_at LIMIT @limit
            """,
            new { status = InvoiceStatus.OcrProcessing, startedBefore, limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Invoices waiting in UPLOADED long past their due time: their job was lost (enqueue failed after the insert).</summary>
    public async Task<IReadOnlyList<(Guid Id, Guid OcrToken)>> FindOrphanedAsync(DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition("""
            SELECT id, ocr_token FROM invoices
             WHERE status = @status AND ocr_queued_at < @dueBefore
             ORDER BY ocr_queued_at LIMIT @limit
            """,
            new { status = InvoiceStatus.Uploaded, dueBefore, limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Gives an orphaned invoice a new token (so any late original job becomes inert) before re-enqueueing it.</summary>
    public async Task<bool> RequeueOrphanAsync(Guid id, Guid oldToken, Guid newToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices SET ocr_token = @newToken, ocr_queued_at = @now, updated_at = @now
             WHERE id = @id AND ocr_token = @oldToken AND status = @status
            """,
            new { id, oldToken, newToken, now = time.GetUtcNow(), status = InvoiceStatus.Uploaded }, cancellationToken: cancellationToken)) == 1;
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    // numeric(14,2): anything larger is an OCR misread, not an invoice amount.
    private static decimal? Money(decimal? value) =>
        value is { } v && Math.Abs(v) < 1_000_000_000_000m ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? Rate(decimal? value) => value is { } v && v is >= 0 and < 1000 ? Math.Round(v, 2) : null;

    // numeric(18,4)
    private static decimal? Quantity(decimal? value) =>
        value is { } v && Math.Abs(v) < 100_000_000_000_000m ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    private static string? NormaliseCurrency(string? value) =>
        value is { Length: 3 } c && c.All(char.IsAsciiLetter) ? c.ToUpperInvariant() : null;

    /// <summary>The invoice's event, in the transaction of its change (hosts register <see cref="InvoiceEvents"/>; a bare store records none).</summary>
    private Task RecordEventAsync(NpgsqlTransaction transaction, string type, Guid id, string cause, CancellationToken cancellationToken) =>
        events is null ? Task.CompletedTask : events.RecordAsync(transaction, type, id, cause, cancellationToken);
}
