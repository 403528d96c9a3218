using System.Text.Json;
using Backend.Core.Http;
using Backend.Core.Security;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Invoices.Tenants;

/// <summary><c>POST /api/v1/admin/tenants</c> <c>{name}</c> with the admin key → 201 <c>{tenant_id, api_key}</c>.</summary>
public sealed class CreateTenantHandler(TenantStore tenants, AdminAuthenticator admins)
{
    private const int MaxBodyBytes = 4096;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (admins.Authenticate(context) is null)
        {
            return AdminAuthenticator.Unauthorized(context);
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.");
        }
        string? name;
        try
        {
            // Read at most the cap whatever Content-Length says (a chunked body has none), and refuse invalid UTF-8 here:
            // JsonDocument checks it only when a string is read, which would throw outside this try.
            var body = new byte[MaxBodyBytes + 1];
            var length = 0;
            int read;
            while (length < body.Length && (read = await context.Request.Body.ReadAsync(body.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
            }
            if (length > MaxBodyBytes)
            {
                return ApiError.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Corps de requête trop volumineux.");
            }
            if (!System.Text.Unicode.Utf8.IsValid(body.AsSpan(0, length)))
            {
                return Invalid(context, "body", "UTF-8 invalide");
            }
            using var document = JsonDocument.Parse(body.AsMemory(0, length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Invalid(context, "body", "un objet JSON est attendu");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "name")
                {
                    return Invalid(context, property.Name, "champ inconnu");
                }
            }
            name = document.RootElement.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
        }
        catch (JsonException)
        {
            return Invalid(context, "body", "JSON invalide");
        }
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.Any(char.IsControl))
        {
            return Invalid(context, "name", "chaîne de 1 à 200 caractères requise");
        }
        var (tenantId, apiKey) = await tenants.CreateAsync(name, context.RequestAborted);
        return Results.Json(new { success = true, tenant_id = tenantId, name, api_key = apiKey }, JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Invalid(HttpContext context, string field, string problem) =>
        ApiError.Result(context, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Requête invalide.", new Dictionary<string, string> { [field] = problem });
}
