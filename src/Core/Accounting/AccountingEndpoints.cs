using Backend.Core.Accounting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Core.Accounting;

public static class AccountingEndpoints
{
    /// <summary>Maps the export and supplier-account routes on SelfHost's <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapAccountingEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost(AccountingRoutes.SageExport, (SageExportHandler handler, HttpContext context) => handler.HandleAsync(context));
        api.MapGet(AccountingRoutes.ExportDownload, (ExportDownloadHandler handler, HttpContext context, string batchId, string kind) =>
            handler.HandleAsync(context, batchId, kind));
        api.MapPut(AccountingRoutes.SupplierAccounts, (SupplierAccountsHandler handler, HttpContext context) => handler.HandleAsync(context));
        return api;
    }
}
