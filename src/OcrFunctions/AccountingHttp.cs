using Backend.Core.Accounting;
using Backend.Core.Accounting.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>The export and supplier-account API: the same Core handlers SelfHost maps.</summary>
public sealed class AccountingHttp(SageExportHandler export, ListExportBatchesHandler batches, ExportDownloadHandler download, SupplierAccountsHandler suppliers)
{
    [Function("SageExport")]
    public Task<IResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AccountingRoutes.SageExport)] HttpRequest request) =>
        export.HandleAsync(request.HttpContext);

    [Function("ListExportBatches")]
    public Task<IResult> Batches([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AccountingRoutes.Exports)] HttpRequest request) =>
        batches.HandleAsync(request.HttpContext);

    /// <summary>Kept on Azure too, for clients that prefer the API key to the SAS link.</summary>
    [Function("ExportDownload")]
    public Task<IResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AccountingRoutes.ExportDownload)] HttpRequest request, string batchId, string kind) =>
        download.HandleAsync(request.HttpContext, batchId, kind);

    [Function("SupplierAccounts")]
    public Task<IResult> SupplierAccounts([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AccountingRoutes.SupplierAccounts)] HttpRequest request) =>
        suppliers.HandleAsync(request.HttpContext);
}
