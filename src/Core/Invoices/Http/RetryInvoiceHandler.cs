using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Jobs;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>POST /api/invoices/{id}/retry</c>: refused (400 VALIDATION_ERROR) while OCR runs and once validated or exported;
/// otherwise back to UPLOADED with a fresh set of attempts, and a new OCR job.
/// </summary>
public sealed class RetryInvoiceHandler(TenantAuthenticator authenticator, InvoiceStore store, IJobQueue queue)
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
        var token = Guid.NewGuid();
        var (found, refusedStatus) = await store.ManualRetryAsync(tenantId.Value, invoiceId, token, context.RequestAborted);
        if (!found)
        {
            return InvoiceNotFound.Result(context);
        }
        if (refusedStatus is not null)
        {
            var message = refusedStatus == InvoiceStatus.OcrProcessing
                ? "OCR déjà en cours"
                : "Facture déjà traitée, impossible de relancer OCR";
            return ApiError.Result(context, StatusCodes.Status400BadRequest, InvoiceErrorCodes.ValidationError, message,
                new Dictionary<string, string> { ["status"] = refusedStatus });
        }
        await queue.EnqueueAsync(QueueNames.OcrJobs, new OcrJob(invoiceId, token).ToJson(), cancellationToken: context.RequestAborted);
        return Results.Json(new RetryResponse(true, "OCR relancé", invoiceId), JsonDefaults.CamelCase);
    }
}
