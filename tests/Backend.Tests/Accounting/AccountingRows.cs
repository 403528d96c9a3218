using Backend.Core.Invoices;
using Dapper;
using Npgsql;

namespace Backend.Tests.Accounting;

/// <summary>Invoices written straight into the database in a given state, for tests that start past OCR.</summary>
internal static class AccountingRows
{
    public static async Task<Guid> InsertInvoiceAsync(
        NpgsqlDataSource dataSource,
        Guid tenantId,
        string status = InvoiceStatus.OcrCompleted,
        string? supplier = "ACME Corp",
        string? number = "FAC-2024-001",
        DateOnly? date = null,
        decimal? ht = 1000m,
        decimal? tva = 200m,
        decimal? ttc = 1200m,
        decimal? rate = 20m,
        bool creditNote = false,
        DateTimeOffset? validatedAt = null)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO invoices (id, tenant_id, file_name, blob_name, media_type, file_size, source, status, uploaded_at, updated_at,
                                  processed_at, validated_at, ocr_token, ocr_queued_at, ocr_engine, ocr_confidence,
                                  supplier_name, invoice_number, invoice_date, amount_ht, amount_tva, amount_ttc, tva_rate, currency, is_credit_note)
            VALUES (@id, @tenantId, 'facture.pdf', @blob, 'application/pdf', 1000, 'upload', @status, now(), now(),
                    now(), @validatedAt, gen_random_uuid(), now(), 'pdftotext', 0.95,
                    @supplier, @number, @date, @ht, @tva, @ttc, @rate, 'EUR', @creditNote)
            """,
            new
            {
                id, tenantId, blob = $"{tenantId:N}/{id:N}.pdf", status, supplier, number, date = date ?? new DateOnly(2024, 1, 15),
                ht, tva, ttc, rate, creditNote, validatedAt = validatedAt ?? (status is InvoiceStatus.Validated ? new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.Zero) : (DateTimeOffset?)null),
            });
        return id;
    }

    public static async Task<string> StatusAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM invoices WHERE id = @id", new { id }) ?? "";
    }

    public static async Task<List<(string Account, decimal Debit, decimal Credit)>> EntriesAsync(NpgsqlDataSource dataSource, Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, decimal, decimal)>(
            "SELECT account_number, debit, credit FROM accounting_entries WHERE invoice_id = @id ORDER BY line_no", new { id })).ToList();
    }
}
