using Backend.Core.Invoices;
using Backend.Core.Invoices.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.OcrFunctions;

/// <summary>The invoice API: the same Core handlers SelfHost maps.</summary>
public sealed class InvoiceHttp(
    UploadInvoiceHandler upload,
    ListInvoicesHandler list,
    InvoiceStatesHandler states,
    GetInvoiceHandler get,
    PatchInvoiceHandler patch,
    RetryInvoiceHandler retry,
    InvoiceFileHandler file)
{
    [Function("UploadInvoice")]
    public Task<IResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InvoiceRoutes.Invoices)] HttpRequest request) =>
        upload.HandleAsync(request.HttpContext);

    [Function("UploadInvoiceAlias")]
    public Task<IResult> UploadAlias([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InvoiceRoutes.Upload)] HttpRequest request) =>
        upload.HandleAsync(request.HttpContext);

    [Function("ListInvoices")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InvoiceRoutes.Invoices)] HttpRequest request) =>
        list.HandleAsync(request.HttpContext);

    [Function("GetInvoiceStates")]
    public Task<IResult> States([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InvoiceRoutes.States)] HttpRequest request) =>
        states.HandleAsync(request.HttpContext);

    [Function("GetInvoice")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InvoiceRoutes.Invoice)] HttpRequest request, string id) =>
        get.HandleAsync(request.HttpContext, id);

    [Function("GetInvoiceFile")]
    public Task<IResult> File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InvoiceRoutes.InvoiceFile)] HttpRequest request, string id) =>
        file.HandleAsync(request.HttpContext, id);

    [Function("PatchInvoice")]
    public Task<IResult> Patch([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = InvoiceRoutes.Invoice)] HttpRequest request, string id) =>
        patch.HandleAsync(request.HttpContext, id);

    [Function("RetryInvoice")]
    public Task<IResult> Retry([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InvoiceRoutes.Retry)] HttpRequest request, string id) =>
        retry.HandleAsync(request.HttpContext, id);
}
