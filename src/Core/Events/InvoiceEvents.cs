using Dapper;
using Npgsql;

namespace Backend.Core.Events;

/// <summary>
/// A tenant's invoice and export events, recorded in the transaction of the change; only that tenant's endpoints
/// receive them.
/// </summary>
public sealed class InvoiceEvents(EventOutbox outbox)
{
    /// <param name="cause">What distinguishes this occurrence (an OCR token, a retry count): an invoice may be read again.</param>
    public async Task<bool> RecordAsync(NpgsqlTransaction transaction, string type, Guid invoiceId, string cause, CancellationToken cancellationToken)
    {
        var invoice = await transaction.Connection!.QuerySingleAsync<InvoiceSnapshot>(new CommandDefinition("""
            SELECT id, tenant_id, status, file_name, supplier_name, invoice_number, amount_ttc, currency, error_message
              FROM invoices WHERE id = @invoiceId
            """, new { invoiceId }, transaction, cancellationToken: cancellationToken));
        return await outbox.RecordAsync(transaction, new NewEvent(type, $"invoice:{invoiceId}", $"{type}:{invoiceId}:{cause}", invoice.TenantId, new
        {
            invoice_id = invoice.Id,
            tenant_id = invoice.TenantId,
            status = invoice.Status,
            file_name = invoice.FileName,
            supplier_name = invoice.SupplierName,
            invoice_number = invoice.InvoiceNumber,
            amount_ttc = invoice.AmountTtc,
            currency = invoice.Currency,
            error_message = invoice.ErrorMessage,
        }), cancellationToken);
    }

    public Task<bool> RecordExportAsync(NpgsqlTransaction transaction, Guid tenantId, Guid batchId, int invoiceCount, CancellationToken cancellationToken) =>
        outbox.RecordAsync(transaction, new NewEvent(EventTypes.ExportCompleted, $"export:{batchId}", $"{EventTypes.ExportCompleted}:{batchId}", tenantId, new
        {
            batch_id = batchId,
            tenant_id = tenantId,
            invoice_count = invoiceCount,
        }), cancellationToken);

    private sealed record InvoiceSnapshot
    {
        public Guid Id { get; init; }
        public Guid TenantId { get; init; }
        public string Status { get; init; } = "";
        public string FileName { get; init; } = "";
        public string? SupplierName { get; init; }
        public string? InvoiceNumber { get; init; }
        public decimal? AmountTtc { get; init; }
        public string? Currency { get; init; }
        public string? ErrorMessage { get; init; }
    }
}
