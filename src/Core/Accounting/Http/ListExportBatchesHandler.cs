using System.Globalization;
using Backend.Core.Accounting.Contracts;
using Backend.Core.Accounting.Export;
using Backend.Core.Http;
using Backend.Core.Invoices;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounting.Http;

/// <summary><c>GET /api/exports?page=&amp;page_size=</c>: the tenant's earlier export batches with their file links.</summary>
public sealed class ListExportBatchesHandler(TenantAuthenticator authenticator, ExportBatchStore store, IExportLinkIssuer links)
{
    public const int MaxPageSize = 100;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        if (!QueryInt.TryRead(query["page"].ToString(), 1, 1, 100_000, out var page))
        {
            return Invalid(context, "page", "entier ≥ 1 attendu");
        }
        if (!QueryInt.TryRead(query["page_size"].ToString(), 20, 1, MaxPageSize, out var pageSize))
        {
            return Invalid(context, "page_size", $"entier de 1 à {MaxPageSize} attendu");
        }
        var (items, total) = await store.ListAsync(tenantId.Value, page, pageSize, context.RequestAborted);
        var batches = new List<ExportBatchView>(items.Count);
        foreach (var b in items)
        {
            batches.Add(new ExportBatchView(b.Id, Day(b.PeriodFrom), Day(b.PeriodTo), b.InvoiceCount, b.LineCount,
                InvoiceJson.Timestamp(b.CreatedAt)!,
                await links.IssueAsync(context, b.Id, ExportKinds.Sage, b.SageBlob, context.RequestAborted),
                await links.IssueAsync(context, b.Id, ExportKinds.Fec, b.FecBlob, context.RequestAborted)));
        }
        return Results.Json(new ExportBatchListResponse(true, batches, page, pageSize, total), JsonDefaults.SnakeCase);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Paramètre invalide.", new Dictionary<string, string> { [field] = problem });
}
