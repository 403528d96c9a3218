using System.Text.Json;
using Backend.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Backend.Core.Licensing;

/// <summary>The admin search filters (<c>?email=&amp;type=&amp;status=&amp;product=&amp;page=&amp;page_size=</c>) shared by the search and the CSV export.</summary>
internal sealed class LicenseFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private static readonly HashSet<string> Known = ["email", "type", "status", "product", "page", "page_size"];
    private static readonly HashSet<string> Statuses = ["active", "expired", "revoked"];

    public string? Email { get; private init; }
    public string? Type { get; private init; }
    public string? Status { get; private init; }
    public string? Product { get; private init; }
    public int Page { get; private init; } = 1;
    public int PageSize { get; private init; } = DefaultPageSize;

    /// <summary>Matches <see cref="LicenseSummary.Status"/>: revoked wins over expired.</summary>
    public const string StatusSql = "CASE WHEN is_revoked THEN 'revoked' WHEN expires_at <= @now THEN 'expired' ELSE 'active' END";

    public const string WhereSql = """
        (@email::text IS NULL OR lower(email) = lower(@email))
        AND (@type::text IS NULL OR license_type = @type)
        AND (@product::text IS NULL OR product = @product)
        AND (@status::text IS NULL
             OR (@status = 'revoked' AND is_revoked)
             OR (@status = 'expired' AND NOT is_revoked AND expires_at <= @now)
             OR (@status = 'active' AND NOT is_revoked AND expires_at > @now))
        """;

    public const string SelectSql = $"""
        SELECT id, machine_id, email, product, license_type, {StatusSql} AS status, created_at, trial_started_at, activated_at,
               expires_at, last_validated_at, last_heartbeat_at, revoked_at, revoked_reason, app_version, activation_code
        FROM licenses
        """;

    public static LicenseFilter Parse(HttpRequest request, RequestFields errors)
    {
        foreach (var key in request.Query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.AddError(key, "paramètre inconnu");
        }
        string? Single(string name, int maxLength)
        {
            var values = request.Query[name];
            if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
            {
                return null;
            }
            if (values.Count > 1)
            {
                errors.AddError(name, "une seule valeur attendue");
                return null;
            }
            if (values[0]!.Length > maxLength)
            {
                errors.AddError(name, $"au plus {maxLength} caractères");
                return null;
            }
            return values[0];
        }
        int Number(string name, int fallback, int min, int max)
        {
            var text = Single(name, 10);
            if (text is null)
            {
                return fallback;
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.AddError(name, $"entier entre {min} et {max} attendu");
                return fallback;
            }
            return value;
        }

        var type = Single("type", 20);
        if (type is not null && !LicenseTypes.IsKnown(type))
        {
            errors.AddError("type", "trial, monthly, annual ou lifetime");
        }
        var status = Single("status", 20);
        if (status is not null && !Statuses.Contains(status))
        {
            errors.AddError("status", "active, expired ou revoked");
        }
        var email = Single("email", EmailAddress.MaxLength)?.Trim();
        // PostgreSQL text cannot hold NUL: such a filter would fail the query instead of matching nothing.
        if (email is not null && email.Any(char.IsControl))
        {
            errors.AddError("email", "caractères de contrôle interdits");
        }
        var product = Single("product", Products.ProductCode.MaxLength);
        if (product is not null && !Products.ProductCode.IsValid(product))
        {
            errors.AddError("product", "code produit attendu");
        }
        return new LicenseFilter
        {
            Product = product,
            Email = email,
            Type = type,
            Status = status,
            Page = Number("page", 1, 1, 1_000_000),
            PageSize = Number("page_size", DefaultPageSize, 1, MaxPageSize),
        };
    }

    public static RequestFields NewErrors() => new(default(JsonElement));
}
