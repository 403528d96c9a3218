using System.Text.Json;
using Backend.Core.Accounting;
using Backend.Core.Accounting.Analysis;
using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>PATCH /api/invoices/{id}</c>: applies the user's corrections and validates the invoice (from OCR_COMPLETED,
/// PENDING_VALIDATION or AI_COMPLETED). Amounts must stay consistent: HT + TVA = TTC.
/// </summary>
public sealed class PatchInvoiceHandler(
    TenantAuthenticator authenticator, InvoiceStore store, EntryEdits entryEdits, InvoiceDetailReader details, AuditTrail audit)
{
    private const int MaxBodyBytes = 16 * 1024;

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
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.");
        }

        InvoiceCorrections corrections;
        IReadOnlyList<EntryEdits.EditedEntry>? editedEntries;
        try
        {
            using var limited = new MemoryStream();
            await CopyLimitedAsync(context.Request.Body, limited, context.RequestAborted);
            if (limited.Length > MaxBodyBytes)
            {
                return ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.");
            }
            // JsonDocument checks UTF-8 only when a string is read, which would throw later: refuse it here.
            if (!System.Text.Unicode.Utf8.IsValid(limited.GetBuffer().AsSpan(0, (int)limited.Length)))
            {
                return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "JSON invalide.",
                    new Dictionary<string, string> { ["body"] = "UTF-8 invalide" });
            }
            using var document = JsonDocument.Parse(limited.ToArray());
            // Accounting: accountingEntries travel in the same body; the rest are the invoice corrections.
            var (correctionsBody, edited, entryProblems) = EntryEdits.Split(document.RootElement);
            if (entryProblems is not null)
            {
                return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Écritures comptables invalides.", entryProblems);
            }
            editedEntries = edited;
            var (parsed, problems) = InvoiceCorrections.Parse(correctionsBody);
            if (parsed is null)
            {
                return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Corrections invalides.", problems);
            }
            corrections = parsed;
        }
        catch (JsonException)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "JSON invalide.",
                new Dictionary<string, string> { ["body"] = "JSON invalide" });
        }

        var current = await store.GetAsync(tenantId.Value, invoiceId, context.RequestAborted);
        if (current is null)
        {
            return InvoiceNotFound.Result(context);
        }
        if (!InvoiceStateMachine.Validate.AllowsFrom(current.Status))
        {
            return NotValidatable(context, current.Status);
        }
        var ht = corrections.ValueOr<decimal>("amount_ht", current.AmountHt);
        var tva = corrections.ValueOr<decimal>("amount_tva", current.AmountTva);
        var ttc = corrections.ValueOr<decimal>("amount_ttc", current.AmountTtc);
        if (ht is { } h && tva is { } t && ttc is { } total && Math.Abs(h + t - total) > 0.01m)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, InvoiceErrorCodes.ValidationError,
                "Montants incohérents : HT + TVA doit être égal au TTC.",
                new Dictionary<string, string> { ["amountTTC"] = $"{InvoiceJson.Money(h)} + {InvoiceJson.Money(t)} ≠ {InvoiceJson.Money(total)}" });
        }

        // Accounting: check and store the entries the invoice is validated with.
        var entryCheck = await entryEdits.ApplyAsync(tenantId.Value, current, corrections.Columns, editedEntries, context.RequestAborted);
        if (entryCheck is not null)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, InvoiceErrorCodes.ValidationError, "Écritures comptables incohérentes avec la facture.", entryCheck);
        }

        var (found, refusedStatus) = await store.ValidateAsync(tenantId.Value, invoiceId, corrections, context.RequestAborted);
        if (!found)
        {
            return InvoiceNotFound.Result(context);
        }
        if (refusedStatus is not null)
        {
            return NotValidatable(context, refusedStatus);
        }
        await audit.RecordAsync(Caller.Of(context)!, AuditActions.InvoiceValidated, invoiceId.ToString(), null, context.RequestAborted);
        var row = await store.GetAsync(tenantId.Value, invoiceId, context.RequestAborted);
        return Results.Json(new InvoiceResponse(true, await details.ReadAsync(context, tenantId.Value, row!)), JsonDefaults.CamelCase);
    }

    private static IResult NotValidatable(HttpContext context, string status) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, InvoiceErrorCodes.ValidationError,
            $"Facture au statut {status} : validation possible seulement depuis {string.Join(", ", InvoiceStateMachine.Validate.From)}.",
            new Dictionary<string, string> { ["status"] = status });

    private static async Task CopyLimitedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            target.Write(buffer, 0, read);
            if (target.Length > MaxBodyBytes)
            {
                return;
            }
        }
    }
}
