using Backend.Core.Jobs;
using Backend.Core.Ocr;
using Backend.Core.Storage;
using Backend.Core.Telemetry;
using Dapper;
using Npgsql;

namespace Backend.Core.Invoices;

/// <summary>
/// Takes a file in as a new UPLOADED invoice and sends its OCR job. Both entry points use it: the upload endpoint and
/// the inbox (blob trigger in Azure, directory watcher in SelfHost). If the enqueue is lost after the insert, the
/// sweeper finds the invoice waiting in UPLOADED and sends the job again.
/// </summary>
public sealed class InvoiceIntake(NpgsqlDataSource dataSource, InvoiceStore store, IBlobStore blobs, IJobQueue queue, InvoicePipelineMetrics metrics)
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public async Task<NewInvoice> AcceptUploadAsync(Guid tenantId, string fileName, byte[] content, string mediaType, CancellationToken cancellationToken)
    {
        var invoice = NewFor(tenantId, fileName, content.Length, mediaType, "upload");
        using (var stream = new MemoryStream(content, writable: false))
        {
            await blobs.PutAsync(ContainerNames.Invoices, invoice.BlobName, stream, cancellationToken);
        }
        await store.InsertAsync(invoice, cancellationToken);
        await queue.EnqueueAsync(QueueNames.OcrJobs, new OcrJob(invoice.Id, invoice.OcrToken).ToJson(), cancellationToken: cancellationToken);
        metrics.Uploaded("api");
        return invoice;
    }

    /// <summary>
    /// Takes in <c>inbox/{tenant_id}/{file}</c> once per name and ETag. Files of unknown tenants and unreadable
    /// names are recorded as rejected (and left in place); a zero-byte or unrecognised file still becomes an invoice,
    /// whose OCR then fails with a message the user can read.
    /// </summary>
    public async Task<InboxIntakeResult> AcceptInboxBlobAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var seen = await connection.QuerySingleOrDefaultAsync<(Guid? InvoiceId, string Outcome)?>(new CommandDefinition(
                "SELECT invoice_id, outcome FROM inbox_receipts WHERE blob_name = @blobName AND etag = @etag",
                new { blobName, etag }, cancellationToken: cancellationToken));
            if (seen is { } receipt)
            {
                return new InboxIntakeResult(receipt.InvoiceId, receipt.Outcome, IsNew: false);
            }
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !Guid.TryParse(blobName.AsSpan(0, slash), out var tenantId) || blobName.IndexOf('/', slash + 1) >= 0)
        {
            return await RejectAsync(blobName, etag, "rejected: expected inbox/{tenant_id}/{file}", cancellationToken);
        }
        byte[] content;
        await using (var stream = await blobs.OpenReadAsync(ContainerNames.Inbox, blobName, cancellationToken))
        {
            if (stream is null)
            {
                return new InboxIntakeResult(null, "gone", IsNew: false); // deleted before we got to it; nothing to receipt
            }
            using var buffer = new MemoryStream();
            await CopyCappedAsync(stream, buffer, cancellationToken);
            content = buffer.ToArray();
        }
        if (content.Length > MaxFileBytes)
        {
            return await RejectAsync(blobName, etag, "rejected: larger than 10 MB", cancellationToken);
        }

        var mediaType = MediaTypes.Detect(content) ?? "application/octet-stream";
        var invoice = NewFor(tenantId, blobName[(slash + 1)..], content.Length, mediaType, "inbox");
        using (var stream = new MemoryStream(content, writable: false))
        {
            await blobs.PutAsync(ContainerNames.Invoices, invoice.BlobName, stream, cancellationToken);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var tenantExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM tenants WHERE id = @tenantId)", new { tenantId }, transaction, cancellationToken: cancellationToken));
            if (!tenantExists)
            {
                await transaction.RollbackAsync(cancellationToken);
                await blobs.DeleteAsync(ContainerNames.Invoices, invoice.BlobName, cancellationToken);
                return await RejectAsync(blobName, etag, "rejected: unknown tenant", cancellationToken);
            }
            await store.InsertAsync(invoice, cancellationToken, connection, transaction);
            var inserted = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO inbox_receipts (blob_name, etag, invoice_id, outcome) VALUES (@blobName, @etag, @id, 'accepted')
                ON CONFLICT DO NOTHING
                """,
                new { blobName, etag, id = invoice.Id }, transaction, cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                // Another instance took the same drop in first.
                await transaction.RollbackAsync(cancellationToken);
                await blobs.DeleteAsync(ContainerNames.Invoices, invoice.BlobName, cancellationToken);
                return await AcceptInboxBlobAsync(blobName, etag, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await queue.EnqueueAsync(QueueNames.OcrJobs, new OcrJob(invoice.Id, invoice.OcrToken).ToJson(), cancellationToken: cancellationToken);
        metrics.Uploaded("inbox");
        return new InboxIntakeResult(invoice.Id, "accepted", IsNew: true);
    }

    private static NewInvoice NewFor(Guid tenantId, string fileName, long size, string mediaType, string source)
    {
        var id = Guid.CreateVersion7();
        var safeName = SafeFileName(fileName);
        return new NewInvoice(id, tenantId, safeName, $"{tenantId:N}/{id:N}{MediaTypes.ExtensionOf(mediaType)}", mediaType, size, source, Guid.NewGuid());
    }

    private async Task<InboxIntakeResult> RejectAsync(string blobName, string etag, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inbox_receipts (blob_name, etag, outcome) VALUES (@blobName, @etag, @outcome) ON CONFLICT DO NOTHING",
            new { blobName, etag, outcome }, cancellationToken: cancellationToken));
        return new InboxIntakeResult(null, outcome, IsNew: true);
    }

    private static async Task CopyCappedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            target.Write(buffer, 0, read);
            if (target.Length > MaxFileBytes)
            {
                return;
            }
        }
    }

    /// <summary>Keeps the last path segment, without control characters, at most 255 characters.</summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "facture";
        }
        return clean.Length <= 255 ? clean : clean[^255..];
    }
}
