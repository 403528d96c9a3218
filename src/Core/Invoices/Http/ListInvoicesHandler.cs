using System.Globalization;
using Backend.Core.Http;
using Backend.Core.Invoices.Contracts;
using Backend.Core.Invoices.Tenants;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Http;

/// <summary>
/// <c>GET /api/invoices?status=&amp;supplier=&amp;from=&amp;to=&amp;minAmount=&amp;maxAmount=&amp;number=&amp;page=&amp;pageSize=</c>:
/// the tenant's invoices matching every given filter, newest first, with the tenant's counts by status.
/// <c>status</c> may list several statuses separated by commas.
/// </summary>
public sealed class ListInvoicesHandler(TenantAuthenticator authenticator, InvoiceStore store)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const int MaxTextFilter = 100;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (tenantId, failure) = await authenticator.AuthenticateAsync(context);
        if (tenantId is null)
        {
            return failure!;
        }
        var query = context.Request.Query;
        var problems = new Dictionary<string, string>();
        var statuses = query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statuses.Any(s => !InvoiceStatus.IsKnown(s)))
        {
            problems["status"] = $"valeurs possibles : {string.Join(", ", InvoiceStatus.All)}";
        }
        if (!QueryInt.TryRead(query["page"].ToString(), 1, 1, 100_000, out var page))
        {
            problems["page"] = "entier ≥ 1 attendu";
        }
        if (!QueryInt.TryRead(query["pageSize"].ToString(), DefaultPageSize, 1, MaxPageSize, out var pageSize))
        {
            problems["pageSize"] = $"entier de 1 à {MaxPageSize} attendu";
        }
        var supplier = Text(query, "supplier", problems);
        var number = Text(query, "number", problems);
        var from = Day(query, "from", problems);
        var to = Day(query, "to", problems);
        var min = Amount(query, "minAmount", problems);
        var max = Amount(query, "maxAmount", problems);
        if (from > to)
        {
            problems["to"] = "doit être postérieure ou égale à from";
        }
        if (min > max)
        {
            problems["maxAmount"] = "doit être supérieur ou égal à minAmount";
        }
        if (problems.Count > 0)
        {
            return ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Paramètre invalide.", problems);
        }
        var filter = new InvoiceListFilter(statuses.Length > 0 ? statuses : null, supplier, from, to, min, max, number);
        var (items, total) = await store.ListAsync(tenantId.Value, filter, page, pageSize, context.RequestAborted);
        var counts = await store.CountByStatusAsync(tenantId.Value, context.RequestAborted);
        return Results.Json(new InvoiceListResponse(true, items.Select(InvoiceJson.Summary).ToList(), page, pageSize, total, counts),
            JsonDefaults.CamelCase);
    }

    private static string? Text(IQueryCollection query, string name, Dictionary<string, string> problems)
    {
        var value = query[name].ToString().Trim();
        if (value.Length > MaxTextFilter)
        {
            problems[name] = $"au plus {MaxTextFilter} caractères";
        }
        else if (value.Any(char.IsControl))
        {
            // PostgreSQL refuses NUL in text: say so here rather than fail in the query.
            problems[name] = "caractères de contrôle interdits";
        }
        return value.Length > 0 ? value : null;
    }

    private static DateOnly? Day(IQueryCollection query, string name, Dictionary<string, string> problems)
    {
        var value = query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        problems[name] = "date AAAA-MM-JJ attendue";
        return null;
    }

    private static decimal? Amount(IQueryCollection query, string name, Dictionary<string, string> problems)
    {
        var value = query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            && Math.Abs(amount) < 1_000_000_000_000m)
        {
            return amount;
        }
        problems[name] = "montant attendu, par exemple 1200.50";
        return null;
    }
}
