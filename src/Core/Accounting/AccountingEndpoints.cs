using Backend.Core.Accounting.Contracts;
using Backend.Core.Accounting.Http;
using Backend.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Accounting;

public static class AccountingEndpoints
{
    /// <summary>Maps the export and supplier-account routes on SelfHost's <c>/api</c> group, with their OpenAPI metadata.</summary>
    public static IEndpointRouteBuilder MapAccountingEndpoints(this IEndpointRouteBuilder api)
    {
        var accounting = api.MapGroup("").WithTags("Accounting");
        accounting.MapPost(AccountingRoutes.SageExport, (SageExportHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ExportSage").WithSummary("Exporte les factures validées (Sage et FEC), sur une période ou toutes celles en attente")
            .Produces<ExportResponse>().ProducesApiErrors(400, 401, 413, 415);
        accounting.MapGet(AccountingRoutes.Exports, (ListExportBatchesHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("ListExportBatches").WithSummary("Les exports précédents et leurs fichiers")
            .Produces<ExportBatchListResponse>().ProducesApiErrors(400, 401);
        accounting.MapGet(AccountingRoutes.ExportDownload, (ExportDownloadHandler handler, HttpContext context, string batchId, string kind) =>
                handler.HandleAsync(context, batchId, kind))
            .WithName("DownloadExport").WithSummary("Un fichier d'export (sage ou fec)")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain").ProducesApiErrors(401, 404);
        accounting.MapPut(AccountingRoutes.SupplierAccounts, (SupplierAccountsHandler handler, HttpContext context) => handler.HandleAsync(context))
            .WithName("SaveSupplierAccounts").WithSummary("Comptes de charge et fournisseur d'un fournisseur")
            .Produces<SupplierAccountResponse>().ProducesApiErrors(400, 401, 413, 415);
        return api;
    }
}
