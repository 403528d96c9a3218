using Backend.Core.Http;
using Backend.Core.Invoices.Files;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>GET /api/invoices/{id}/file</c>: the original file as uploaded, with its media type, as an attachment.
/// Either the tenant's API key or the signed query of <c>fileUrl</c> (403 when expired or tampered) opens it.
/// </summary>
public sealed class InvoiceFileHandler(TenantAuthenticator authenticator, InvoiceFileLinks links, InvoiceStore store, IBlobStore blobs)
{
    public async Task<IResult> HandleAsync(HttpContext context, string id)
    {
        if (!Guid.TryParse(id, out var invoiceId))
        {
            // Same answer as an unknown invoice, before any credential check reveals more.
            return InvoiceFileLinks.IsSigned(context.Request.Query) ? Forbidden(context, "lien incomplet") : await AuthenticatedNotFoundAsync(context);
        }
        Guid tenantId;
        if (InvoiceFileLinks.IsSigned(context.Request.Query))
        {
            var (linkTenant, problem) = links.Check(context.Request.Query, invoiceId);
            if (linkTenant is null)
            {
                return Forbidden(context, problem!);
            }
            tenantId = linkTenant.Value;
        }
        else
        {
            var (keyTenant, failure) = await authenticator.AuthenticateAsync(context);
            if (keyTenant is null)
            {
                return failure!;
            }
            tenantId = keyTenant.Value;
        }
        var row = await store.GetAsync(tenantId, invoiceId, context.RequestAborted);
        var stream = row is null ? null : await blobs.OpenReadAsync(ContainerNames.Invoices, row.BlobName, context.RequestAborted);
        if (stream is null)
        {
            return InvoiceNotFound.Result(context);
        }
        // An uploaded file is never rendered as part of our origin: attachment, and no sniffing of its type.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(stream, row!.MediaType, fileDownloadName: row.FileName);
    }

    private async Task<IResult> AuthenticatedNotFoundAsync(HttpContext context)
    {
        var (tenant, failure) = await authenticator.AuthenticateAsync(context);
        return tenant is null ? failure! : InvoiceNotFound.Result(context);
    }

    private static IResult Forbidden(HttpContext context, string problem) =>
        ApiError.Result(context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Lien de téléchargement invalide ou expiré.",
            new Dictionary<string, string> { ["link"] = problem });
}
