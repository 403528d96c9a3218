using Backend.Core.Accounting.Analysis;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Files;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>Gathers what <c>GET</c> and <c>PATCH /api/invoices/{id}</c> show of a row: entries, analysis, lines, a fresh file link.</summary>
public sealed class InvoiceDetailReader(FieldCipher cipher, IAccountingEntriesReader entries, InvoiceAnalysisStore analyses, InvoiceStore store, InvoiceFileLinks links)
{
    public async Task<InvoiceDetail> ReadAsync(HttpContext context, Guid tenantId, InvoiceRow row)
    {
        var cancel = context.RequestAborted;
        var entryViews = await entries.ReadAsync(tenantId, row.Id, cancel);
        var analysis = await analyses.ReadAsync(tenantId, row.Id, cancel);
        var lines = await store.GetDetailLinesAsync(row.Id, cancel);
        // The seed's fileUrl: opens the original in a browser, for this tenant's invoice only, until fileUrlExpiresAt.
        return InvoiceJson.Detail(row, cipher, entryViews, lines, analysis, links.Issue(context, tenantId, row.Id));
    }
}
