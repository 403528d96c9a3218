using Backend.Core.Invoices;
using Dapper;
using Npgsql;

namespace Backend.Core.Accounting;

/// <summary>
/// <c>accounting_entries</c>: an invoice's entry lines, replaced as a whole. It is also the reader behind
/// <c>accountingEntries</c> in <c>GET /api/invoices/{id}</c>.
/// </summary>
public sealed class AccountingEntryStore(NpgsqlDataSource dataSource) : IAccountingEntriesReader
{
    public async Task<IReadOnlyList<AccountingEntryView>> ReadAsync(Guid tenantId, Guid invoiceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition("""
            SELECT invoice_id AS InvoiceId, id AS Id, journal_code AS JournalCode, entry_date AS EntryDate,
                   account_number AS AccountNumber, label AS Label, debit AS Debit, credit AS Credit
              FROM accounting_entries
             WHERE invoice_id = @invoiceId AND tenant_id = @tenantId
             ORDER BY line_no
            """, new { invoiceId, tenantId }, cancellationToken: cancellationToken));
        return rows.Select(r => new AccountingEntryView(
                r.Id.ToString(), r.JournalCode, InvoiceJson.Date(r.EntryDate)!, r.AccountNumber, r.Label,
                InvoiceJson.Money(r.Debit)!, InvoiceJson.Money(r.Credit)!))
            .ToList();
    }

    /// <summary>The entries of several invoices of one tenant, by invoice.</summary>
    public static async Task<Dictionary<Guid, List<AccountingEntry>>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition("""
            SELECT invoice_id AS InvoiceId, id AS Id, journal_code AS JournalCode, entry_date AS EntryDate,
                   account_number AS AccountNumber, label AS Label, debit AS Debit, credit AS Credit
              FROM accounting_entries
             WHERE tenant_id = @tenantId AND invoice_id = ANY(@ids)
             ORDER BY invoice_id, line_no
            """, new { tenantId, ids = invoiceIds.ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows
            .GroupBy(r => r.InvoiceId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToEntry()).ToList());
    }

    public async Task<IReadOnlyList<AccountingEntry>> ListAsync(Guid tenantId, Guid invoiceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var byInvoice = await ListAsync(connection, null, tenantId, [invoiceId], cancellationToken);
        return byInvoice.TryGetValue(invoiceId, out var entries) ? entries : [];
    }

    /// <summary>Replaces the invoice's lines, inside the caller's transaction.</summary>
    public static async Task ReplaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid invoiceId, IReadOnlyList<AccountingEntry> entries, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM accounting_entries WHERE invoice_id = @invoiceId", new { invoiceId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO accounting_entries (invoice_id, line_no, id, tenant_id, journal_code, entry_date, account_number, label, debit, credit)
            VALUES (@invoiceId, @LineNo, @Id, @tenantId, @JournalCode, @EntryDate, @AccountNumber, @Label, @Debit, @Credit)
            """,
            entries.Select((e, i) => new
            {
                invoiceId, tenantId, LineNo = i + 1, Id = Guid.CreateVersion7(),
                e.JournalCode, e.EntryDate, e.AccountNumber, Label = Clip(e.Label, 200), e.Debit, e.Credit,
            }),
            transaction, cancellationToken: cancellationToken));
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    private sealed class EntryRow
    {
        public Guid InvoiceId { get; init; }
        public Guid Id { get; init; }
        public string JournalCode { get; init; } = "";
        public DateOnly EntryDate { get; init; }
        public string AccountNumber { get; init; } = "";
        public string Label { get; init; } = "";
        public decimal Debit { get; init; }
        public decimal Credit { get; init; }

        public AccountingEntry ToEntry() => new(JournalCode, EntryDate, AccountNumber, Label, Debit, Credit);
    }
}
