using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Http;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Invoices;

public static class InvoiceEndpoints
{
    /// <summary>Maps the invoice API on SelfHost's <c>/api</c> group, with the metadata the OpenAPI document is built from.</summary>
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost(InvoiceRoutes.Tenants, (CreateTenantHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithTags("Tenants").WithName("CreateTenant").WithSummary("Crée un locataire et sa clé API (montrée une fois)")
            .ProducesApiErrors(400, 401, 413, 415);
        api.MapGet(InvoiceRoutes.Tenants, (ListTenantsHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithTags("Tenants").WithName("ListTenants").WithSummary("Les cabinets (locataires), par nom")
            .Produces<TenantListResponse>().ProducesApiErrors(401);
        var invoices = api.MapGroup("").WithTags("Invoices");
        invoices.MapPost(InvoiceRoutes.Invoices, (UploadInvoiceHandler handler, HttpContext context) => handler.HandleAsync(context)).DisableAntiforgery()
            .WithName("UploadInvoice").WithSummary("Dépose une facture (champ multipart file) et met son OCR en file")
            .Produces<UploadResponse>(StatusCodes.Status201Created).ProducesApiErrors(400, 401, 413, 415);
        invoices.MapPost(InvoiceRoutes.Upload, (UploadInvoiceHandler handler, HttpContext context) => handler.HandleAsync(context)).DisableAntiforgery()
            .WithName("UploadInvoiceAlias").WithSummary("Alias du dépôt, comme dans le seed")
            .Produces<UploadResponse>(StatusCodes.Status201Created).ProducesApiErrors(400, 401, 413, 415);
        invoices.MapGet(InvoiceRoutes.Invoices, (ListInvoicesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListInvoices").WithSummary("Factures filtrées (statut, fournisseur, dates, montant, numéro) et compteurs par statut")
            .Produces<InvoiceListResponse>().ProducesApiErrors(400, 401);
        invoices.MapGet(InvoiceRoutes.States, (InvoiceStatesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("GetInvoiceStates").WithSummary("Statut courant de quelques factures, pour suivre les dépôts")
            .Produces<InvoiceStatesResponse>().ProducesApiErrors(400, 401);
        invoices.MapGet(InvoiceRoutes.Invoice, (GetInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id))
            .WithName("GetInvoice").WithSummary("Une facture, ses champs, ses confiances et ses écritures")
            .Produces<InvoiceResponse>().ProducesApiErrors(401, 404);
        invoices.MapPatch(InvoiceRoutes.Invoice, (PatchInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id))
            .WithName("ValidateInvoice").WithSummary("Corrige et valide une facture")
            .Produces<InvoiceResponse>().ProducesApiErrors(400, 401, 404, 413);
        invoices.MapGet(InvoiceRoutes.InvoiceFile, (InvoiceFileHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id))
            .WithName("GetInvoiceFile").WithSummary("Le fichier d'origine")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesApiErrors(401, 403, 404);
        invoices.MapPost(InvoiceRoutes.Retry, (RetryInvoiceHandler handler, HttpContext context, string id) => handler.HandleAsync(context, id))
            .WithName("RetryInvoice").WithSummary("Relance l'OCR")
            .Produces<RetryResponse>().ProducesApiErrors(400, 401, 404);
        return api;
    }
}
