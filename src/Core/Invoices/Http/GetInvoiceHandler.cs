using Backend.Core.Accounting.Analysis;
using Backend.Core.Http;
using Backend.Core.Invoices.Files;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary><c>GET /api/invoices/{id}</c>: the seed's response, with the OCR text decrypted and never the raw OCR data.</summary>
public sealed class GetInvoiceHandler(TenantAuthenticator authenticator, InvoiceStore store, FieldCipher cipher, IAccountingEntriesReader entries,
    InvoiceAnalysisStore analyses, InvoiceFileLinks links)
{
    public async Task<IResult> HandleAsync(HttpContext context, string id)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        if (!Guid.TryParse(id, out var invoiceId))
        {
            return InvoiceNotFound.Result(context);
        }
        var row = await store.GetAsync(tenantId.Value, invoiceId, context.RequestAborted);
        if (row is null)
        {
            return InvoiceNotFound.Result(context);
        }
        var entryViews = await entries.ReadAsync(tenantId.Value, invoiceId, context.RequestAborted);
        var detail = InvoiceJson.Detail(row, cipher, entryViews);
        // The seed's fileUrl: opens the original in a browser, for this tenant's invoice only, until fileUrlExpiresAt.
        var (fileUrl, fileUrlExpiresAt) = links.Issue(context, tenantId.Value, invoiceId);
        detail["fileUrl"] = fileUrl;
        detail["fileUrlExpiresAt"] = InvoiceJson.Timestamp(fileUrlExpiresAt);
        // Accounting: how the entries were obtained (analyzer, notes such as a Claude fallback).
        detail["analysis"] = await analyses.ReadAsync(tenantId.Value, invoiceId, context.RequestAborted);
        InvoiceJson.AddDetailLines(detail, await store.GetDetailLinesAsync(invoiceId, context.RequestAborted));
        return Results.Json(new Dictionary<string, object?>
        {
            ["success"] = true,
            ["invoice"] = detail,
        }, JsonDefaults.CamelCase);
    }
}
