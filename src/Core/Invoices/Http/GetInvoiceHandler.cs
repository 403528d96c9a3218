using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary><c>GET /api/invoices/{id}</c>: the seed's response, with the OCR text decrypted and never the raw OCR data.</summary>
public sealed class GetInvoiceHandler(TenantAuthenticator authenticator, InvoiceStore store, InvoiceDetailReader details)
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
        return Results.Json(new InvoiceResponse(true, await details.ReadAsync(context, tenantId.Value, row)), JsonDefaults.CamelCase);
    }
}
