using System.Globalization;
using Backend.Core.Security;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Backend.Core.Licensing;

/// <summary><c>GET admin/activation-codes?status=used|unused|expired&amp;product=&amp;page=&amp;page_size=</c>: newest first, with who used each.</summary>
public sealed class ActivationCodeListHandler(NpgsqlDataSource dataSource, AdminAuthenticator authenticator, TimeProvider time)
{
    private static readonly HashSet<string> Known = ["status", "product", "page", "page_size"];
    private static readonly HashSet<string> Statuses = ["used", "unused", "expired"];

    private const string StatusSql = "CASE WHEN c.is_used THEN 'used' WHEN c.expires_at <= @now THEN 'expired' ELSE 'unused' END";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await authenticator.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = LicenseFilter.NewErrors();
        var query = context.Request.Query;
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        var status = query["status"].ToString();
        if (status.Length > 0 && !Statuses.Contains(status))
        {
            errors.AddError("status", "used, unused ou expired");
        }
        var product = query["product"].ToString();
        if (product.Length > 0 && !Products.ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        int Number(string name, int fallback, int max)
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
            {
                errors.AddError(name, $"entier entre 1 et {max} attendu");
                return fallback;
            }
            return value;
        }
        var page = Number("page", 1, 1_000_000);
        var pageSize = Number("page_size", LicenseFilter.DefaultPageSize, LicenseFilter.MaxPageSize);
        if (errors.HasErrors)
        {
            return LicenseResults.BadRequest(context, errors);
        }
        var parameters = new { now = time.GetUtcNow(), status = status.Length > 0 ? status : null, product = product.Length > 0 ? product : null, limit = pageSize, offset = (long)(page - 1) * pageSize };
        var where = $"(@status::text IS NULL OR {StatusSql} = @status) AND (@product::text IS NULL OR c.product = @product)";
        var cancel = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(cancel);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM activation_codes c WHERE {where}", parameters, cancellationToken: cancel));
        var codes = await connection.QueryAsync<ActivationCodeSummary>(new CommandDefinition($"""
            SELECT c.code, c.product, c.license_type, c.duration_days, {StatusSql} AS status, c.created_at, c.expires_at, c.created_by, c.notes,
                   c.used_at, l.machine_id AS used_by_machine_id, l.email AS used_by_email
            FROM activation_codes c LEFT JOIN licenses l ON l.id = c.used_by_license_id
            WHERE {where}
            ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: cancel));
        return LicenseResults.Ok(new ActivationCodeListResponse(page, pageSize, total, codes.ToList()));
    }
}
