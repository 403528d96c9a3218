using System.Globalization;
using Backend.Core.Http;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary><c>GET /api/invoices?status=&amp;page=&amp;pageSize=</c>: the tenant's invoices, newest first.</summary>
public sealed class ListInvoicesHandler(TenantAuthenticator authenticator, InvoiceStore store)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        var status = query["status"].ToString();
        if (status.Length > 0 && !InvoiceStatus.IsKnown(status))
        {
            return Invalid(context, "status", $"valeurs possibles : {string.Join(", ", InvoiceStatus.All)}");
        }
        if (!TryInt(query["page"].ToString(), 1, 1, 100_000, out var page))
        {
            return Invalid(context, "page", "entier ≥ 1 attendu");
        }
        if (!TryInt(query["pageSize"].ToString(), DefaultPageSize, 1, MaxPageSize, out var pageSize))
        {
            return Invalid(context, "pageSize", $"entier de 1 à {MaxPageSize} attendu");
        }
        var (items, total) = await store.ListAsync(tenantId.Value, status.Length > 0 ? status : null, page, pageSize, context.RequestAborted);
        return Results.Json(new Dictionary<string, object?>
        {
            ["success"] = true,
            ["invoices"] = items.Select(InvoiceJson.Summary).ToList(),
            ["page"] = page,
            ["pageSize"] = pageSize,
            ["total"] = total,
        }, JsonDefaults.CamelCase);
    }

    private static bool TryInt(string value, int fallback, int min, int max, out int result)
    {
        if (value.Length == 0)
        {
            result = fallback;
            return true;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
    }

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Paramètre invalide.", new Dictionary<string, string> { [field] = problem });
}
