using Backend.Core.Invoices.Http;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Invoices;

public static class InvoiceEndpoints
{
    /// <summary>Maps the invoice API on SelfHost's <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost(InvoiceRoutes.Tenants, (CreateTenantHandler handler, HttpContext context) => handler.HandleAsync(context));
        api.MapPost(InvoiceRoutes.Invoices, (UploadInvoiceHandler handler, HttpContext context) => handler.HandleAsync(context)).DisableAntiforgery();
        api.MapPost(InvoiceRoutes.Upload, (UploadInvoiceHandler handler, HttpContext context) => handler.HandleAsync(context)).DisableAntiforgery();
        api.MapGet(InvoiceRoutes.Invoices, (ListInvoicesHandler handler, HttpContext context) => handler.HandleAsync(context));
        api.MapGet(InvoiceRoutes.Invoice, (GetInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id));
        api.MapPatch(InvoiceRoutes.Invoice, (PatchInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id));
        api.MapGet(InvoiceRoutes.InvoiceFile, (InvoiceFileHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id));
        api.MapPost(InvoiceRoutes.Retry, (RetryInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id));
        return api;
    }
}
