using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>GET /api/invoices/states?ids=a,b,c</c>: the current status of a few invoices and the tenant's counts, so a page
/// follows its uploads to their final state by polling two indexed queries instead of the whole list.
/// </summary>
public sealed class InvoiceStatesHandler(TenantAuthenticator authenticator, InvoiceStore store)
{
    public const int MaxIds = 100;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var parts = context.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = new List<Guid>(parts.Length);
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id))
            {
                return Invalid(context, "identifiants de factures séparés par des virgules attendus");
            }
            ids.Add(id);
        }
        if (ids.Count > MaxIds)
        {
            return Invalid(context, $"au plus {MaxIds} identifiants");
        }
        var states = ids.Count == 0 ? [] : await store.StatesAsync(tenantId.Value, ids.Distinct().ToList(), context.RequestAborted);
        var counts = await store.CountByStatusAsync(tenantId.Value, context.RequestAborted);
        return Results.Json(new InvoiceStatesResponse(true,
            states.Select(s => new InvoiceStateView(s.Id, s.Status, InvoiceJson.Timestamp(s.UpdatedAt)!, s.ErrorMessage)).ToList(), counts),
            JsonDefaults.CamelCase);
    }

    private static IResult Invalid(HttpContext context, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Paramètre invalide.", new Dictionary<string, string> { ["ids"] = problem });
}
