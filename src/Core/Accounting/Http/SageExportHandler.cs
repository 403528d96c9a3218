using System.Globalization;
using Backend.Core.Accounting.Contracts;
using Backend.Core.Accounting.Export;
using Backend.Core.Audit;
using Backend.Core.Http;
using Backend.Core.Invoices.Tenants;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Backend.Core.Accounting.Http;

/// <summary>
/// <c>POST /api/sage/export</c> <c>{"from":"YYYY-MM-DD","to":"YYYY-MM-DD"}</c> (invoice dates, inclusive) →
/// <c>{success, count, sage_url, fec_url, ...}</c>. An empty period is a 200 with zero lines. Without a body (the
/// seed's call), every validated invoice not yet exported is exported.
/// </summary>
public sealed class SageExportHandler(TenantAuthenticator authenticator, AccountingExport export, IExportLinkIssuer links, AuditTrail audit)
{
    private const int MaxBodyBytes = 4096;
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "from", "to" };

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        if (HasNoBody(context.Request))
        {
            return await RespondAsync(context, await export.RunPendingAsync(tenantId.Value, context.RequestAborted));
        }
        var body = await JsonObjectBody.ReadAsync(context, MaxBodyBytes, Members);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var fields = body.Fields!;
        var from = DateOf(fields, "from");
        var to = DateOf(fields, "to");
        if (fields.HasErrors)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", fields.Errors);
        }
        if (from > to)
        {
            return Invalid(context, "to", "doit être postérieure ou égale à from");
        }

        return await RespondAsync(context, await export.RunAsync(tenantId.Value, from!.Value, to!.Value, context.RequestAborted));
    }

    private async Task<IResult> RespondAsync(HttpContext context, ExportBatch batch)
    {
        if (batch.Count > 0)
        {
            await audit.RecordAsync(Caller.Of(context)!, AuditActions.ExportCreated, batch.Id.ToString(),
                new { from = batch.From, to = batch.To, count = batch.Count }, context.RequestAborted);
        }
        return Results.Json(new ExportResponse(
            true,
            batch.Count,
            await links.IssueAsync(context, batch.Id, ExportKinds.Sage, batch.SageBlob, context.RequestAborted),
            await links.IssueAsync(context, batch.Id, ExportKinds.Fec, batch.FecBlob, context.RequestAborted),
            batch.Id,
            batch.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            batch.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            batch.Lines,
            batch.Skipped,
            batch.Warnings), JsonDefaults.SnakeCase);
    }

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength == 0
        || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false });

    private static DateOnly? DateOf(RequestFields fields, string name)
    {
        var text = fields.String(name, 10, required: true);
        if (text is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fields.AddError(name, "date attendue au format AAAA-MM-JJ");
            return null;
        }
        return date;
    }

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.",
            new Dictionary<string, string> { [field] = problem });
}
