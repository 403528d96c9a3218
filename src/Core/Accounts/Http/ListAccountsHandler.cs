using System.Globalization;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Accounts.Http;

/// <summary><c>GET</c> <see cref="AccountRoutes.Accounts"/><c>?role=&amp;tenant_id=&amp;email=&amp;page=&amp;page_size=</c> (admin): newest first.</summary>
public sealed class ListAccountsHandler(AdminAuthenticator admins, AccountStore accounts)
{
    private static readonly HashSet<string> Known = ["role", "tenant_id", "email", "page", "page_size"];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await admins.AuthenticateAsync(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        var errors = new RequestFields(default);
        var query = context.Request.Query;
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key.Length <= 64 ? key : key[..64], "paramètre inconnu");
        }
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        var role = Text("role");
        if (role is not null && !AccountRoles.IsKnown(role))
        {
            errors.AddError("role", "admin ou tenant_user");
        }
        Guid? tenantId = null;
        if (Text("tenant_id") is { } tenantText)
        {
            if (Guid.TryParse(tenantText, out var parsed))
            {
                tenantId = parsed;
            }
            else
            {
                errors.AddError("tenant_id", "UUID attendu");
            }
        }
        var email = Text("email");
        if (email is { Length: > 254 } || email?.Contains('\0', StringComparison.Ordinal) == true)
        {
            errors.AddError("email", "au plus 254 caractères, sans caractère NUL");
        }
        var page = Number("page", 1, 100000, 1);
        var pageSize = Number("page_size", 1, 200, 50);
        if (errors.HasErrors)
        {
            return AccountResults.BadRequest(context, errors);
        }
        var (total, rows) = await accounts.ListAsync(new AccountFilter(role, tenantId, email, page, pageSize), context.RequestAborted);
        return AccountResults.Ok(new AccountListResponse(page, pageSize, total, rows.Select(r => r.View()).ToList()));

        int Number(string name, int min, int max, int fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.AddError(name, $"entier entre {min} et {max} attendu");
                return fallback;
            }
            return value;
        }
    }
}
