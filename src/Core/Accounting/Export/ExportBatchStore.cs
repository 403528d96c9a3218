using Dapper;
using Npgsql;

namespace Backend.Core.Accounting.Export;

/// <summary>Reads the tenant's recorded export batches (written by <see cref="AccountingExport"/>).</summary>
public sealed class ExportBatchStore(NpgsqlDataSource dataSource)
{
    public async Task<(IReadOnlyList<RecordedExportBatch> Items, long Total)> ListAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { tenantId, limit = pageSize, offset = (page - 1) * pageSize };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM export_batches WHERE tenant_id = @tenantId", parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<RecordedExportBatch>(new CommandDefinition("""
            SELECT id, period_from, period_to, invoice_count, line_count, sage_blob, fec_blob, created_at
              FROM export_batches WHERE tenant_id = @tenantId
             ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancellationToken));
        return (items.ToList(), total);
    }
}
