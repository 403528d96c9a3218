using Backend.Core.Accounting.Export;
using Backend.Core.Http;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Accounting.Http;

/// <summary><c>GET /api/exports/{batchId}/{sage|fec}</c>: the tenant's own export file, as an attachment.</summary>
public sealed class ExportDownloadHandler(TenantAuthenticator authenticator, NpgsqlDataSource dataSource, IBlobStore blobs)
{
    public async Task<IResult> HandleAsync(HttpContext context, string batchId, string kind)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        if (!Guid.TryParse(batchId, out var id) || kind is not (ExportKinds.Sage or ExportKinds.Fec))
        {
            return NotFound(context);
        }
        string? blob;
        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            blob = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                $"SELECT {(kind == ExportKinds.Sage ? "sage_blob" : "fec_blob")} FROM export_batches WHERE id = @id AND tenant_id = @tenantId",
                new { id, tenantId }, cancellationToken: context.RequestAborted));
        }
        var stream = blob is null ? null : await blobs.OpenReadAsync(ContainerNames.Exports, blob, context.RequestAborted);
        if (stream is null)
        {
            return NotFound(context);
        }
        var contentType = kind == ExportKinds.Sage ? "text/plain; charset=windows-1252" : "text/plain; charset=iso-8859-15";
        return Results.Stream(stream, contentType, fileDownloadName: Path.GetFileName(blob));
    }

    private static IResult NotFound(HttpContext context) =>
        ApiError.Result(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Export introuvable.");
}
